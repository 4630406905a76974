"""The demo customers' day where modules meet, in Chromium: client3 answers the
satisfaction survey from the link of the e-mail it received (then sees and changes its
rating on the ticket's page); client4 marks as resolved a ticket on which the
technician's timer runs."""

import re
from urllib.parse import urlsplit

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase

TCK = "customer_portal_technician."


@suite_case("post_install")
class TestCustomerJourneyTour(JourneyScreenshots, HttpCase):
    def test_survey_from_the_email_link(self):
        ticket = self.env.ref(TCK + "ticket_martin_onsite_demo")
        technician = self.env.ref("customer_portal_tickets.user_technician_demo")
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        # The technician resolves; the e-mail stays in the queue so that its text is read
        # as the customer gets it (sent at once, it would be deleted).
        ticket.with_user(technician).with_context(mail_notify_force_send=False).stage_id = done
        mail = (
            self.env["mail.mail"]
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
            .filtered(lambda m: "/rate/" in (m.body_html or ""))
        )
        self.assertEqual(len(mail), 1, "one rating e-mail")
        self.assertIn(ticket.partner_id, mail.recipient_ids)
        link = re.search(r'href="([^"]*/rate/\w+/5)"', mail.body_html).group(1)
        self.start_tour(urlsplit(link).path, "customer_portal_rating_tour", login="client3")
        rating = ticket.rating_ids.filtered(lambda r: r.access_token in link)
        self.assertEqual(len(ticket.rating_ids.filtered("consumed")), 1, "one rating, changed")
        self.assertEqual((rating.rating, rating.feedback), (5, "Finalement tout fonctionne, merci"))
        self.assertIn("Finalement tout fonctionne", rating.message_id.body)

    def test_resolve_while_the_technician_timer_runs(self):
        ticket = self.env.ref(TCK + "ticket_dubois_timer_demo")
        timer = self.env.ref(TCK + "timesheet_dubois_timer_demo")
        self.assertFalse(timer.unit_amount, "the demo timer runs")
        self.start_tour(
            f"/my/ticket/{ticket.id}", "customer_portal_resolve_with_timer_tour", login="client4"
        )
        self.assertTrue(ticket.stage_id.closed)
        self.assertGreater(timer.unit_amount, 0, "the timer was stopped with its time")
        note = ticket.message_ids.filtered(lambda m: "arrêté à la résolution" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertTrue(note.subtype_id.internal, "a note for the technician")
