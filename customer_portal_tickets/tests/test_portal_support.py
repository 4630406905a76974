import re

from odoo import Command
from odoo.tests import tagged

from .common import EXE, PDF, PNG, TicketCase


@tagged("post_install", "-at_install")
class TestPortalSupport(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order_b = cls.env["sale.order"].create(
            {
                "partner_id": cls.company_b.id,
                "order_line": [(0, 0, {"product_id": cls.licence.id, "product_uom_qty": 1})],
            }
        )
        cls.env.company.write(
            {
                "portal_ticket_max_file_size": 1,
                "portal_ticket_max_files": 2,
                "portal_ticket_hourly_limit": 5,
            }
        )

    # support page ----------------------------------------------------------
    def test_support_page_lists_own_supported_software_only(self):
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/support").text
        self.assertIn("Fleet Manager", html)
        self.assertIn("https://docs.example.com/manual", html)
        self.assertNotIn("Tachograph Reader", html, "another company's software")
        self.assertIn(f"/my/support/new/incident?product_id={self.software.id}", html)
        self.assertIn("/my/support/new/service", html, "generic forms for any customer")

    def test_software_of_confirmed_orders_not_quotations_nor_closed_subscriptions(self):
        Product = self.env["product.product"]
        ordered, quoted, closed = (
            Product.create({"name": name, "type": "service", "is_supported_software": True})
            for name in ("Route Planner", "Quote Only", "Old Tool")
        )
        for product, confirm in ((ordered, True), (quoted, False)):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.contact_a.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
            if confirm:
                order.action_confirm()
        self._subscription(self.company_a, closed).close_subscription()
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/support").text
        self.assertIn("Route Planner", html, "a contact's confirmed order")
        self.assertIn("Fleet Manager", html, "a subscription in progress")
        self.assertNotIn("Quote Only", html)
        self.assertNotIn("Old Tool", html)

    def test_customer_without_software_gets_generic_forms(self):
        self._customer("Gamma SA", "gamma")
        self.authenticate("gamma", "gamma")
        html = self.url_open("/my/support").text
        self.assertNotIn("o_support_product_card", html)
        self.assertIn("/my/support/new/incident", html)

    # incident --------------------------------------------------------------
    def test_incident_end_to_end(self):
        self.authenticate("alpha", "alpha")
        response = self._send(
            "incident",
            self._incident(),
            files=[("attachments", ("screen.png", PNG, "image/png"))],
            query=f"?product_id={self.software.id}",
        )
        ticket = self._tickets(self.contact_a)
        self.assertEqual(len(ticket), 1, re.sub(r"<[^>]+>", " ", response.text)[-3000:])
        self.assertIn(f"/my/support/sent/{ticket.id}", response.url)
        self.assertIn(ticket.number, response.text)
        self.assertIn(f"/my/ticket/{ticket.id}", response.text)
        crumbs = re.search(r"o_portal_submenu.*?</ol>", response.text, re.S).group(0)
        self.assertIn('href="/my/support"', crumbs)
        self.assertIn("Request sent", crumbs)
        self.assertNotIn(ticket.name, crumbs, "the ticket is not a step before this page")
        self.assertEqual(ticket.ticket_kind, "incident")
        self.assertEqual(ticket.urgency, "serious")
        self.assertEqual(ticket.software_product_id, self.software)
        self.assertEqual(ticket.support_star_level, "4")
        self.assertFalse(ticket.user_id, "waits to be taken, not assigned to the customer")
        self.assertEqual(ticket.team_id, self.env.ref("customer_portal_tickets.team_technical"))
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertIn("Douze véhicules", ticket.description)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["screen.png"])
        self.assertIn(self.contact_a, ticket.message_partner_ids)
        mail = self._acknowledgment(ticket)
        self.assertTrue(mail, "acknowledgment e-mail")
        self.assertIn(ticket.get_portal_url(), mail.body_html)
        self.assertIn(self.contact_a, mail.recipient_ids)

    def test_acknowledgment_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.contact_a.lang = "fr_FR"
        self.authenticate("alpha", "alpha")
        self._send("incident", self._incident())
        ticket = self._tickets(self.contact_a)
        mail = self._acknowledgment(ticket)
        self.assertIn("nous avons bien reçu votre demande", mail.subject)
        self.assertIn("Voir mon ticket", mail.body_html)

    def test_service_request_needs_no_urgency(self):
        self.authenticate("alpha", "alpha")
        data = self._incident()
        del data["urgency"]
        self._send("service", data)
        ticket = self._tickets(self.contact_a)
        self.assertEqual((ticket.ticket_kind, ticket.urgency), ("service", False))

    def test_empty_fields_come_back_with_messages_and_what_was_typed(self):
        self.authenticate("alpha", "alpha")
        response = self._send("incident", {"subject": "Écran noir", "description": ""})
        self.assertIn("Describe your request.", response.text)
        self.assertIn("Choose the urgency of the incident.", response.text)
        self.assertIn('value="Écran noir"', response.text)
        self.assertFalse(self._tickets(self.contact_a))

    def test_messages_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_a.lang = "fr_FR"
        self.authenticate("alpha", "alpha")
        response = self._send("incident", {"subject": "", "description": "x"})
        self.assertIn("Donnez un sujet à votre demande.", response.text)
        self.assertIn("Choisissez l'urgence de l'incident.", response.text.replace("&#39;", "'"))

    def test_forged_form_without_csrf_creates_nothing(self):
        self.authenticate("alpha", "alpha")
        response = self._send("incident", self._incident(), csrf=False)
        self.assertIn("Your session has expired", response.text)
        self.assertIn('value="Les positions GPS ne remontent plus"', response.text)
        self.assertFalse(self._tickets(self.contact_a))

    # attachments -----------------------------------------------------------
    def test_refused_files_and_kept_text(self):
        self.authenticate("alpha", "alpha")
        big = PDF + b"0" * (1024 * 1024)

        def one(name, data):
            return [("attachments", (name, data, "application/octet-stream"))]

        cases = {
            "oversized": (one("big.pdf", big), "larger than 1 MB"),
            "type": (one("tool.exe", EXE), "programs cannot be attached"),
            "disguised": (one("invoice.pdf", EXE), "programs cannot be attached"),
            "wrong content": (one("photo.png", PDF), "its content is not a .png file"),
            "unknown type": (one("notes.xyz", b"hello"), "this type of file is not accepted"),
            "too many": (
                [("attachments", (f"s{i}.png", PNG, "image/png")) for i in range(3)],
                "at most 2 files can be attached",
            ),
        }
        for case, (files, message) in cases.items():
            with self.subTest(case=case):
                response = self._send("incident", self._incident(), files=files)
                self.assertIn(message, response.text)
                self.assertIn("Depuis ce matin la carte est vide.", response.text)
                self.assertFalse(self._tickets(self.contact_a))

    def test_accepted_file_survives_a_form_sent_back(self):
        self.authenticate("alpha", "alpha")
        response = self._send(
            "incident",
            self._incident(subject=""),
            files=[("attachments", ("log.txt", b"error 42", "text/plain"))],
        )
        self.assertIn("Give your request a subject.", response.text)
        self.assertIn("log.txt", response.text)
        pending_id = re.search(r'name="pending_attachment_id" value="(\d+)"', response.text)
        token = re.search(r'name="pending_attachment_token" value="([^"]+)"', response.text)
        data = self._incident(
            pending_attachment_id=pending_id.group(1), pending_attachment_token=token.group(1)
        )
        self._send("incident", data)
        ticket = self._tickets(self.contact_a)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["log.txt"])

    def test_someone_elses_pending_file_is_not_taken(self):
        other = self.env["ir.attachment"].create(
            {"name": "secret.txt", "raw": b"x", "res_model": "helpdesk.ticket", "res_id": 0}
        )
        other.generate_access_token()
        self.authenticate("alpha", "alpha")
        data = self._incident(
            pending_attachment_id=str(other.id), pending_attachment_token="forged"
        )
        self._send("incident", data)
        self.assertFalse(self._tickets(self.contact_a).attachment_ids)
        self.assertFalse(other.res_id)

    # limits and duplicates -----------------------------------------------------
    def test_hourly_limit(self):
        self.env.company.portal_ticket_hourly_limit = 2
        self.authenticate("alpha", "alpha")
        for i in range(2):
            self._send("service", self._incident(subject=f"Demande {i}", product_id=""))
        response = self._send("service", self._incident(subject="Encore une", product_id=""))
        self.assertIn("You have opened 2 tickets in the last hour", response.text)
        self.assertEqual(len(self._tickets(self.contact_a)), 2)

    def test_close_subject_on_same_product_asks_first(self):
        existing = self.Ticket.create(
            {
                "name": "Positions GPS ne remontent plus",
                "description": "x",
                "partner_id": self.contact_a.id,
                "software_product_id": self.software.id,
            }
        )
        self.authenticate("alpha", "alpha")
        response = self._send("incident", self._incident())
        self.assertIn("o_support_duplicate", response.text)
        self.assertIn(existing.number, response.text)
        self.assertIn(f"/my/ticket/{existing.id}", response.text)
        self.assertEqual(self._tickets(self.contact_a), existing, "nothing created yet")
        self._send("incident", self._incident(confirm_new="1"))
        self.assertEqual(len(self._tickets(self.contact_a)), 2)

    # administrative requests -------------------------------------------------
    def test_administrative_request_routed_by_department(self):
        department = self.env.ref("customer_portal_tickets.department_accounting")
        self.authenticate("alpha", "alpha")
        form = self.url_open("/my/support/new/administrative").text
        self.assertIn(f'value="{self.contact_a.email}"', form, "e-mail prefilled")
        self._send(
            "administrative",
            {
                "department_id": str(department.id),
                "contact_name": "Julie Compta",
                "contact_email": "julie.compta@alpha.example",
                "subject": "Double prélèvement en octobre",
                "description": "Nous avons été prélevés deux fois.",
            },
        )
        ticket = self._tickets(self.contact_a)
        self.assertEqual(ticket.ticket_kind, "administrative")
        self.assertEqual(ticket.department_id, department)
        self.assertEqual(ticket.team_id, department.team_id)
        self.assertEqual(ticket.partner_name, "Julie Compta")
        self.assertEqual(ticket.partner_email, "julie.compta@alpha.example")
        self.assertIn(ticket.number, self.url_open("/my/tickets").text)

    def test_administrative_request_checks_department_and_email(self):
        self.authenticate("alpha", "alpha")
        response = self._send(
            "administrative",
            {
                "department_id": "999999",
                "contact_name": "Julie",
                "contact_email": "julie@",
                "subject": "Question",
                "description": "Bonjour",
            },
        )
        self.assertIn("Choose the department your request is for.", response.text)
        self.assertIn("This e-mail address is not valid: julie@", response.text)
        self.assertIn('value="julie@"', response.text)
        self.assertFalse(self._tickets(self.contact_a))

    # access ------------------------------------------------------------------
    def test_another_companys_document_is_not_linked(self):
        self.authenticate("alpha", "alpha")
        self._send("service", self._incident(sale_order_id=str(self.order_b.id)))
        ticket = self._tickets(self.contact_a)
        self.assertTrue(ticket)
        self.assertFalse(ticket.sale_order_id)

    def test_confirmation_page_of_another_company_gives_nothing(self):
        ticket_b = self.Ticket.create(
            {"name": "Beta secret", "description": "x", "partner_id": self.contact_b.id}
        )
        self.authenticate("alpha", "alpha")
        response = self.url_open(f"/my/support/sent/{ticket_b.id}")
        self.assertTrue(response.url.endswith("/my/support"), response.url)
        self.assertNotIn("Beta secret", response.text)
        self.assertNotIn(ticket_b.number, response.text)

    def test_helpdesk_mgmt_form_routes_create_nothing(self):
        self.authenticate("alpha", "alpha")
        response = self.url_open("/new/ticket")
        self.assertTrue(response.url.endswith("/my/support"), response.url)
        page = self.url_open("/my/support").text
        self.url_open(
            "/submitted/ticket",
            data={"subject": "Bypass", "description": "x", "csrf_token": self._csrf(page)},
        )
        self.assertFalse(self._tickets(self.contact_a))

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my/support", allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])
        response = self.url_open("/my/support/new/incident", allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])
