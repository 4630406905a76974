"""The demo 4-star customer reads the remote maintenance page and hands an AnyDesk
session over on its open ticket, in Chromium; the technician connects."""

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."


@suite_case("post_install")
class TestRemoteTour(JourneyScreenshots, HttpCase):
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

    def test_technician_connects_from_the_ticket(self):
        """Connect hands anydesk:… to the technician's browser as it is: no request for
        /…anydesk:… reaches Odoo (the web client prefixed "/" to an act_url, a 404),
        and the session is connected, with its timer, once the technician confirms."""
        ticket = self.env.ref("customer_portal_tickets.ticket_dubois_progress_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        session = ticket._request_remote_session("anydesk", "731 902 448", True, ticket.partner_id)
        # Every request the server answers, as its log line (DEBUG: during a tour the
        # werkzeug logger's level is raised past INFO unless it is below it).
        with self.assertLogs("werkzeug", "DEBUG") as requests:
            self.start_tour(
                f"/odoo/helpdesk.ticket/{ticket.id}",
                "customer_portal_remote_connect_tour",
                login="technicien",
            )
        self.assertTrue(
            [line for line in requests.output if "/web/dataset/call_button" in line],
            "the server's request log was read",
        )
        self.assertFalse(
            [line for line in requests.output if "anydesk" in line.lower()],
            "no request for the tool's link reached the server",
        )
        self.assertEqual((session.state, session.connected_user_id), ("connected", technician))
        running = self.env["account.analytic.line"].search(
            [("ticket_id", "=", ticket.id), ("date_time", "!=", False), ("unit_amount", "=", 0)]
        )
        self.assertEqual(running.user_id, technician)

    def test_connecting_starts_the_technicians_timer(self):
        """With time tracked on tickets (the suite installs helpdesk_mgmt_timesheet),
        a confirmed connection starts the technician's Start/Stop timer on the ticket;
        handing the link over alone starts nothing."""
        ticket = self.env.ref("customer_portal_tickets.ticket_dubois_progress_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        session = ticket._request_remote_session(
            "anydesk", "731902448", True, ticket.partner_id
        ).with_user(technician)
        session.action_connect()
        self.assertEqual(session.state, "requested", "the server cannot see the tool open")
        self.assertFalse(ticket.timesheet_ids.filtered(lambda line: line.name.startswith("Remote")))
        session.action_confirm_connected()
        running = self.env["account.analytic.line"].search(
            [("ticket_id", "=", ticket.id), ("date_time", "!=", False), ("unit_amount", "=", 0)]
        )
        self.assertEqual(running.user_id, technician)
        self.assertIn("AnyDesk", running.name)
        session.action_confirm_connected()
        self.assertEqual(
            self.env["account.analytic.line"].search_count(
                [("ticket_id", "=", ticket.id), ("date_time", "!=", False), ("unit_amount", "=", 0)]
            ),
            1,
            "one timer, not one per click",
        )
