from odoo.addons.customer_portal_subscription.tests.common import SubscriptionCaseMixin
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDocumentLinks(SubscriptionCaseMixin, HttpCase):
    """ "Report a problem / Ask a question" from a quote or order, an invoice and a
    subscription: the right form, linked to the document, seen by staff on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.company_a.id,
                "order_line": [(0, 0, {"product_id": cls.licence.id, "product_uom_qty": 2})],
            }
        )
        cls.order.action_confirm()
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.company_a.id,
                "invoice_line_ids": [(0, 0, {"name": "Licence", "price_unit": 30.0})],
            }
        )
        cls.invoice.action_post()
        cls.subscription = cls._subscription(cls.company_a, cls.licence, cls.plans["3"])
        cls.order_b = cls.env["sale.order"].create(
            {
                "partner_id": cls.company_b.id,
                "order_line": [(0, 0, {"product_id": cls.licence.id, "product_uom_qty": 1})],
            }
        )
        ref = cls.env.ref
        cls.cases = [
            ("sale_order_id", cls.order, ref("customer_portal_tickets.department_sales")),
            ("invoice_id", cls.invoice, ref("customer_portal_tickets.department_accounting")),
            ("subscription_id", cls.subscription, ref("customer_portal_tickets.department_sales")),
        ]

    def test_report_a_problem_from_each_document(self):
        self.authenticate("alpha", "alpha")
        for field, document, department in self.cases:
            with self.subTest(document=document._name):
                document._portal_ensure_token()
                page = self.url_open(document.get_portal_url()).text
                link = f"/my/support/new/administrative?{field}={document.id}"
                self.assertIn(link, page.replace("&amp;", "&"))
                form = self.url_open(link).text
                self.assertIn(document.name, form)
                self.assertRegex(form, rf'value="{department.id}"\s+selected')
                self.url_open(
                    "/my/support/new/administrative",
                    data={
                        "csrf_token": self._csrf(form),
                        field: str(document.id),
                        "department_id": str(department.id),
                        "contact_name": "Julie",
                        "contact_email": "julie@alpha.example",
                        "subject": f"Question about {document.name}",
                        "description": "Bonjour",
                    },
                )
                ticket = self.env["helpdesk.ticket"].search([(field, "=", document.id)])
                self.assertEqual(len(ticket), 1)
                self.assertEqual(ticket.team_id, department.team_id)
                self.assertEqual(document.portal_ticket_count, 1)
                action = document.action_view_portal_tickets()
                self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), ticket)
                ticket_page = self.url_open(f"/my/ticket/{ticket.id}").text
                self.assertIn(document.name, ticket_page)

    def test_another_companys_document_is_neither_shown_nor_linked(self):
        self.authenticate("alpha", "alpha")
        form = self.url_open(f"/my/support/new/administrative?sale_order_id={self.order_b.id}")
        self.assertNotIn(self.order_b.name, form.text)
        self.assertNotIn(f'name="sale_order_id" value="{self.order_b.id}"', form.text)
