"""The demo 4-star customer reads the remote maintenance page and hands an AnyDesk
session over on its open ticket, in Chromium; the technician connects."""

from helpers import suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."


@suite_case("post_install")
class TestRemoteTour(HttpCase):
    def test_remote_maintenance_and_hand_over(self):
        ticket = self.env.ref("customer_portal_tickets.ticket_dubois_progress_demo")
        before = ticket.remote_session_ids
        self.start_tour("/my", "customer_portal_remote_tour", login="client4")
        new = ticket.remote_session_ids - before
        self.assertEqual(len(new), 1)
        self.assertEqual(
            (new.tool, new.session_code, new.state), ("anydesk", "731902448", "requested")
        )
        self.assertEqual(new.consent_partner_id, self.env.ref(SUB + "partner_dubois_pierre_demo"))
        self.assertEqual(set(before.mapped("state")) - {"ended"}, {"expired"}, "replaced")

    def test_connecting_starts_the_technicians_timer(self):
        """With time tracked on tickets (the suite installs helpdesk_mgmt_timesheet),
        Connect starts the technician's Start/Stop timer on the ticket."""
        ticket = self.env.ref("customer_portal_tickets.ticket_dubois_progress_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        session = ticket._request_remote_session(
            "anydesk", "731902448", True, ticket.partner_id
        ).with_user(technician)
        session.action_connect()
        running = self.env["account.analytic.line"].search(
            [("ticket_id", "=", ticket.id), ("date_time", "!=", False), ("unit_amount", "=", 0)]
        )
        self.assertEqual(running.user_id, technician)
        self.assertIn("AnyDesk", running.name)
        session.action_connect()
        self.assertEqual(
            self.env["account.analytic.line"].search_count(
                [("ticket_id", "=", ticket.id), ("date_time", "!=", False), ("unit_amount", "=", 0)]
            ),
            1,
            "one timer, not one per click",
        )
