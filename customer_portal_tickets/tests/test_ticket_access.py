from odoo.addons.customer_portal_subscription.tests.common import SubscriptionCaseMixin
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TicketCase

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\xdac\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestTicketAccess(SubscriptionCaseMixin, HttpCase):
    """Another company's ticket gives nothing; approved contacts; what customers typed is
    shown escaped; the ticket page's cost does not grow with its messages."""

    _acknowledgment = TicketCase._acknowledgment

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket_a = Ticket.create(
            {"name": "Alpha ticket", "description": "x", "partner_id": cls.contact_a.id}
        )
        cls.ticket_b = Ticket.create(
            {
                "name": "Beta secret",
                "description": "<p>beta body</p>",
                "partner_id": cls.contact_b.id,
            }
        )
        cls.attachment_b = cls.env["ir.attachment"].create(
            {
                "name": "beta.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": cls.ticket_b.id,
            }
        )
        cls.attachment_b.generate_access_token()
        cls.ticket_b.message_post(
            body="Beta private exchange", message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def test_another_companys_ticket_attachments_messages_and_tokens(self):
        self.authenticate("alpha", "alpha")
        token_a = self.ticket_a._portal_ensure_token()
        self.ticket_b._portal_ensure_token()
        for url in (
            f"/my/ticket/{self.ticket_b.id}",
            f"/my/ticket/{self.ticket_b.id}?access_token={token_a}",
            f"/my/ticket/{self.ticket_b.id}?access_token=forged",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotIn("Beta secret", response.text)
                self.assertNotIn("beta body", response.text)
        for url in (
            f"/web/content/{self.attachment_b.id}",
            f"/web/content/{self.attachment_b.id}?download=true",
            f"/web/image/{self.attachment_b.id}",
            f"/web/image/{self.attachment_b.id}?access_token=forged",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                # /web/image answers with Odoo's placeholder picture, never the file.
                self.assertNotEqual(response.content, PNG)
                if url.startswith("/web/content"):
                    self.assertNotEqual(response.status_code, 200)
        own = self.env["ir.attachment"].create(
            {
                "name": "a.png",
                "raw": PNG,
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket_a.id,
            }
        )
        token = own.generate_access_token()[0]
        own_url = f"/web/content/{own.id}?access_token={token}"
        self.assertEqual(self.url_open(own_url).content, PNG, "the customer's own file is readable")
        response = self.url_open(
            "/mail/chatter_fetch",
            data='{"params": {"thread_model": "helpdesk.ticket", "thread_id": %d}}'
            % self.ticket_b.id,
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("Beta private exchange", response.text)

    def test_only_approved_contacts_open_tickets(self):
        approved = self.env["res.partner"].create(
            {
                "name": "Agnès Approved",
                "parent_id": self.company_a.id,
                "email": "agnes@alpha.example",
                "portal_ticket_approved": True,
            }
        )
        self.company_a.portal_ticket_approved_only = True
        self.authenticate("alpha", "alpha")
        for url in ("/my/support", "/my/support/new/incident", "/my/support/new/administrative"):
            with self.subTest(url=url):
                html = self.url_open(url).text
                self.assertIn("o_support_not_approved", html)
                self.assertIn("Agnès Approved", html)
                self.assertNotIn("o_support_form", html)
        self.url_open(
            "/my/support/new/service",
            data={"csrf_token": self._page_csrf("/my"), "subject": "Forged", "description": "x"},
        )
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged")]))
        self.contact_a.portal_ticket_approved = True
        self.assertIn("o_support_form", self.url_open("/my/support/new/service").text)
        self.company_a.portal_ticket_approved_only = False
        self.assertEqual(approved._portal_ticket_may_open(), True)

    def test_what_customers_type_is_shown_escaped(self):
        self.authenticate("alpha", "alpha")
        payload = '<img src=x onerror="alert(1)">'
        self.url_open(
            "/my/support/new/service",
            data={
                "csrf_token": self._page_csrf("/my/support/new/service"),
                "subject": f"Subject {payload}",
                "description": f"Body {payload}",
            },
        )
        ticket = self.env["helpdesk.ticket"].search([("name", "like", "Subject <img")])
        self.assertTrue(ticket)
        self.assertNotIn("<img", ticket.description)
        for url in (f"/my/ticket/{ticket.id}", "/my/tickets", f"/my/support/sent/{ticket.id}"):
            with self.subTest(url=url):
                html = self.url_open(url).text
                self.assertNotIn(payload, html)
        mail = self._acknowledgment(ticket)
        self.assertTrue(mail)
        self.assertNotIn(payload, mail.body_html)

    def test_ticket_page_cost_does_not_grow_with_messages(self):
        technician = new_test_user(
            self.env,
            login="tech",
            email="t@example.com",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        # Its technician's (answering an unassigned ticket would assign it between the
        # two measures: the page then shows an assignee, not more messages).
        self.ticket_a.user_id = technician
        self.authenticate("alpha", "alpha")
        url = f"/my/ticket/{self.ticket_a.id}"

        def cost():
            self.url_open(url)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertEqual(self.url_open(url).status_code, 200)
            return self.cr.sql_log_count - before

        few = cost()
        for i in range(30):
            self.ticket_a.with_user(technician).message_post(
                body=f"Reply {i}", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(cost(), few)
        with self.assertQueryCount(few):
            self.env.invalidate_all()
            self.url_open(url)
