"""The demo technician's day in Chromium: login lands on its queue, the breached ticket
first with how late it is; a timer started and stopped, a quick reply; an unassigned
ticket resolved (no error: assigned to the technician, resolved, the customer gets the
rating mail from it)."""

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestTechnicianTour(JourneyScreenshots, HttpCase):
    def test_technicians_day(self):
        breached = self.env.ref("customer_portal_technician.ticket_bernard_server_demo")
        unassigned = self.env.ref("customer_portal_tickets.ticket_martin_new_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        self.assertFalse(unassigned.user_id)
        # What the web client opens after login.
        queue = self.env.ref("customer_portal_technician.action_ticket_queue")
        self.assertEqual(technician.action_id.id, queue.id)
        self.start_tour("/odoo", "customer_portal_technician_tour", login="technicien")
        (breached | unassigned).invalidate_recordset()
        # The breached ticket: its timer ran and stopped, the answer reached the customer.
        lines = breached.timesheet_ids
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
        answer = breached.message_ids.filtered(lambda m: "nous avons bien reçu" in (m.body or ""))
        self.assertEqual(answer.author_id, technician.partner_id)
        self.assertFalse(answer.subtype_id.internal, "the customer reads it")
        # The unassigned ticket: resolved, the technician's, rating mail from it.
        self.assertEqual(
            unassigned.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        )
        self.assertEqual(unassigned.user_id, technician)
        rating_mail = unassigned.message_ids.filtered(lambda m: "/rate/" in (m.body or ""))
        self.assertEqual(rating_mail.author_id, technician.partner_id)
