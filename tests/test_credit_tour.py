"""The demo 4-star customer reads its service credit, opens a ticket from the history
and asks sales for more time, in Chromium."""

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase

TCK = "customer_portal_tickets."


@suite_case("post_install")
class TestCreditTour(JourneyScreenshots, HttpCase):
    def test_balance_ticket_and_top_up(self):
        before = self.env["helpdesk.ticket"].search([], order="id desc", limit=1).id
        self.start_tour("/my", "customer_portal_credit_tour", login="client4")
        request = self.env["helpdesk.ticket"].search([("id", ">", before)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.ticket_kind, "administrative")
        self.assertEqual(request.department_id, self.env.ref(TCK + "department_sales"))
        self.assertIn("20 heures", request.description)
        self.assertIn("crédit", request.name.lower())
