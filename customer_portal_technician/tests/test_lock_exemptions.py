"""A resolved ticket takes no more messages from the customer's side, but what the
resolution itself needs (``helpdesk.ticket._customer_lock_exemptions``): the rating of
the resolution, the system's note when it stops a timer, staff notes. And what a
customer posts never counts as the support team's first response."""

import json

from odoo import http
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TechnicianCase, utc


@tagged("post_install", "-at_install")
class TestLockExemptions(TechnicianCase):
    def _json(self, url, params):
        return self.url_open(
            url, data=json.dumps({"params": params}), headers={"Content-Type": "application/json"}
        ).json()

    def _customer_comment(self, ticket, body):
        return self._json(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket.id,
                "post_data": {"body": body, "message_type": "comment"},
            },
        )

    def test_rating_of_a_resolution_through_the_rating_route(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        ticket.with_user(self.technician).stage_id = self.stages["done"]
        token = ticket._rating_get_access_token()
        self.authenticate("alpha", "alpha")
        for feedback in ("Très bien", "Parfait, merci"):
            response = self.url_open(
                f"/rate/{token}/submit_feedback",
                data={"rate": 5, "feedback": feedback, "csrf_token": http.Request.csrf_token(self)},
            )
            self.assertEqual(response.status_code, 200)
            rating = ticket.rating_ids.filtered(lambda r: r.access_token == token)
            self.assertEqual((rating.rating, rating.feedback), (5, feedback))
            self.assertIn(feedback, rating.message_id.body, "the rating is in the chatter")
        self.assertEqual(ticket.positive_rate_percentage, 100)
        with mute_logger("odoo.http"):
            answer = self._customer_comment(ticket, "Et encore une chose")
        self.assertIn("is resolved", json.dumps(answer), "a plain comment is still refused")
        self.assertFalse(ticket.message_ids.filtered(lambda m: "encore une" in (m.body or "")))

    def test_customer_resolving_stops_the_timer_with_a_system_note(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        line = self._start_timer(ticket)
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        response = self.url_open(
            "/ticket/close",
            data={
                "ticket_id": ticket.id,
                "stage_id": self.stages["done"].id,
                "csrf_token": self._csrf(page.text),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(ticket.closed, "resolved by the customer")
        self.assertTrue(line.unit_amount, "the timer was stopped")
        note = ticket.message_ids.filtered(lambda m: "stopped when the ticket" in (m.body or ""))
        self.assertEqual(len(note), 1, "the system's note is posted")
        self.assertTrue(note.subtype_id.internal)
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        self.assertIn(self.technician.partner_id, note.partner_ids)
        with mute_logger("odoo.http"):
            answer = self._customer_comment(ticket, "Merci pour tout")
        self.assertIn("is resolved", json.dumps(answer))

    def test_staff_notes_on_a_resolved_ticket(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id, stage="done")
        ticket.with_user(self.technician).message_post(
            body="Clôturé après appel", subtype_xmlid="mail.mt_note", message_type="comment"
        )
        self.assertTrue(ticket.message_ids.filtered(lambda m: "après appel" in (m.body or "")))
        self.assertEqual(ticket.with_user(self.technician)._is_exempt_from_lock(), "staff")

    def test_customer_posting_as_the_technician_is_no_first_response(self):
        ticket = self._arrived(utc(2026, 11, 30, 9, 0), stage="in_progress")
        ticket.user_id = self.technician
        self.assertTrue(ticket.ticket_sla_ids.filtered(lambda s: s.target == "first_response"))
        self.authenticate("alpha", "alpha")
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/helpdesk.ticket/message_post",
            {
                "model": "helpdesk.ticket",
                "method": "message_post",
                "args": [[ticket.id]],
                "kwargs": {
                    "body": "Réponse du support",
                    "author_id": self.technician.partner_id.id,
                    "message_type": "notification",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        message = ticket.message_ids.filtered(lambda m: "Réponse du support" in (m.body or ""))
        self.assertEqual(message.author_id, self.contact_a)
        self.assertFalse(ticket.first_response_date, "the SLA's first response is not met")
        first = ticket.ticket_sla_ids.filtered(lambda s: s.target == "first_response")
        self.assertEqual(first.state, "in_progress")
        self.assertFalse(ticket.is_waiting_for_customer)
