"""The demo 4-star customer reports an incident with a screenshot and writes to the
accounting department, in Chromium; a file over the size limit is refused by the
browser before anything is sent."""

from helpers import start_tour_with_screenshot, suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."
TCK = "customer_portal_tickets."


@suite_case("post_install")
class TestSupportTours(HttpCase):
    def _new_tickets(self, before):
        return self.env["helpdesk.ticket"].search([("id", ">", before)])

    def _last_id(self):
        return self.env["helpdesk.ticket"].search([], order="id desc", limit=1).id

    def test_incident_with_attachment(self):
        before = self._last_id()
        start_tour_with_screenshot(
            self, "/my/support", "customer_portal_incident_tour", "client4", "portal-support"
        )
        ticket = self._new_tickets(before)
        self.assertEqual(len(ticket), 1)
        self.assertEqual((ticket.ticket_kind, ticket.urgency), ("incident", "serious"))
        self.assertEqual(ticket.partner_id, self.env.ref(SUB + "partner_dubois_pierre_demo"))
        self.assertEqual(ticket.support_star_level, "4")
        self.assertTrue(ticket.software_product_id.is_supported_software)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["carte.png"])
        self.assertEqual(ticket.team_id, self.env.ref(TCK + "team_technical"))

    def test_administrative_request(self):
        before = self._last_id()
        self.start_tour(
            "/my/support/new/administrative", "customer_portal_administrative_tour", login="client4"
        )
        ticket = self._new_tickets(before)
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.ticket_kind, "administrative")
        self.assertEqual(ticket.department_id, self.env.ref(TCK + "department_accounting"))
        self.assertEqual(ticket.team_id, self.env.ref(TCK + "team_accounting"))

    def test_oversized_file_is_refused_in_the_browser(self):
        before = self._last_id()
        self.start_tour(
            "/my/support/new/service", "customer_portal_oversized_file_tour", login="client4"
        )
        self.assertFalse(self._new_tickets(before), "nothing was sent")
