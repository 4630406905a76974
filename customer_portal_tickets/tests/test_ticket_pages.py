"""The ticket pages as a customer reads them: one way to mark a ticket resolved, with a
confirmation, and none once resolved; one reference; the customer's states everywhere;
categories; forms that say what each kind of request needs."""

from odoo.tests import tagged

from .common import TicketCase


@tagged("post_install", "-at_install")
class TestTicketPages(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stages["done"].close_from_portal = True
        cls.open_ticket = cls._ticket(cls.contact_a, "Carte vide", user_id=cls.env.user.id)
        cls.resolved = cls._ticket(
            cls.contact_a, "Export paie", stage="done", user_id=cls.env.user.id
        )

    def setUp(self):
        super().setUp()
        self.authenticate("alpha", "alpha")

    def test_mark_as_resolved_once_with_a_confirmation(self):
        page = self.url_open(f"/my/ticket/{self.open_ticket.id}").text
        self.assertEqual(page.count("o_ticket_mark_resolved"), 1)
        self.assertIn('data-bs-target="#o_ticket_resolve_modal"', page, "asks first")
        self.assertIn("o_ticket_resolve_confirm", page)
        self.assertNotIn(f"(#{self.open_ticket.id})", page.replace(" ", ""), "one reference")
        page = self.url_open(f"/my/ticket/{self.resolved.id}").text
        self.assertNotIn("o_ticket_mark_resolved", page)
        self.assertNotIn("/ticket/close", page, "nothing to close on a resolved ticket")
        self.assertNotIn("Send message", page, "no message box to send to")
        self.assertTrue(self.resolved.closed_date)
        self.assertIn("Resolved on:", page)

    def test_french_typography_of_the_ticket_page(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_a.lang = "fr_FR"
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{self.resolved.id}").text
        for label in ("Ouvert le\u00a0:", "Résolu le\u00a0:", "État\u00a0:"):
            self.assertIn(label, page)
        self.assertNotIn("Etape:", page)

    def test_list_names_the_contact_once(self):
        listing = self.url_open("/my/tickets").text
        self.assertIn(self.contact_a.name, listing)
        self.assertNotIn(self.contact_a.display_name, listing, "not 'Company, Contact'")

    def test_states_customers_read_everywhere(self):
        listing = self.url_open("/my/tickets?groupby=stage").text
        self.assertIn("Resolved", listing)
        self.assertNotIn(">Done<", listing, "the stage's own name is for staff")
        found = self.url_open("/my/tickets?search=Resolved&search_in=stage").text
        self.assertIn(self.resolved.number, found)
        self.assertNotIn(self.open_ticket.number, found)

    def test_categories_on_the_forms_and_in_the_list(self):
        bug = self.env.ref("customer_portal_tickets.category_bug")
        form = self.url_open("/my/support/new/incident").text
        for xmlid in ("question", "bug", "feature_request", "billing", "technical", "other"):
            category = self.env.ref(f"customer_portal_tickets.category_{xmlid}")
            self.assertIn(f'value="{category.id}"', form)
        self._send("incident", self._incident(category_id=str(bug.id)))
        ticket = self._tickets(self.contact_a).filtered(lambda t: t.ticket_kind == "incident")
        self.assertEqual(ticket.category_id, bug)
        listing = self.url_open(f"/my/tickets?filterby=category_{bug.id}").text
        self.assertIn(ticket.number, listing)
        self.assertNotIn(self.open_ticket.number, listing)
        hidden = self.env["helpdesk.ticket.category"].create(
            {"name": "Interne", "show_in_portal": False}
        )
        page = self._send("service", self._incident(category_id=str(hidden.id))).text
        self.assertIn("Choose one of the categories offered.", page)

    def test_each_kind_has_its_own_examples_and_required_fields_are_marked(self):
        placeholders = set()
        for kind in ("incident", "service", "administrative"):
            form = self.url_open(f"/my/support/new/{kind}").text
            self.assertIn('id="subject" name="subject"', form)
            self.assertIn('required="required"', form)
            placeholders.add(form.split('id="subject"')[1].split('placeholder="')[1].split('"')[0])
        self.assertEqual(len(placeholders), 3)

    def test_technicians_read_internal_notes_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        fields = self.env["helpdesk.ticket"].with_context(lang="fr_FR").fields_get(["notes"])
        self.assertEqual(fields["notes"]["string"], "Notes internes")
