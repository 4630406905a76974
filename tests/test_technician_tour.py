"""The demo technician works its queue in Chromium: the breached ticket first, the
timer, a quick reply, resolution (the timer stops, the customer gets the rating mail)."""

from helpers import suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestTechnicianTour(HttpCase):
    def test_queue_timer_quick_reply_resolve(self):
        ticket = self.env.ref("customer_portal_technician.ticket_bernard_server_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        self.start_tour(
            "/odoo/helpdesk-queue", "customer_portal_technician_tour", login="technicien"
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done"))
        lines = ticket.timesheet_ids
        self.assertEqual(lines.mapped("name"), ["Diagnostic du serveur"])
        self.assertEqual(lines.user_id, technician)
        self.assertFalse(
            self.env["account.analytic.line"].search_count(
                [
                    ("user_id", "=", technician.id),
                    ("date_time", "!=", False),
                    ("unit_amount", "=", 0),
                ]
            ),
            "no timer left running: the other ticket's stopped when this one started",
        )
        answer = ticket.message_ids.filtered(lambda m: "nous avons bien reçu" in (m.body or ""))
        self.assertEqual(answer.author_id, technician.partner_id)
        self.assertFalse(answer.subtype_id.internal, "the customer reads it")
        self.assertTrue(ticket.first_response_date)
        self.assertTrue(ticket.message_ids.filtered(lambda m: "/rate/" in (m.body or "")))
