import json
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import TicketCase

REPLY = """From: Contact of Alpha Transports <alpha@x.example>
To: support@example.com
Subject: Re: {number}
Message-ID: <reply-{number}@x.example>
Content-Type: text/plain; charset=utf-8

Finalement le problème revient.
"""


@tagged("post_install", "-at_install")
class TestTicketLifecycle(TicketCase):
    """Messages on open and resolved tickets, marking resolved, follow-ups, reopening."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done, cls.in_progress = cls.stages["done"], cls.stages["in_progress"]
        cls.open_ticket = cls._ticket(
            cls.contact_a, "Carte vide", ticket_kind="incident", urgency="low"
        )
        cls.resolved = cls._ticket(
            cls.contact_a,
            "Export paie",
            ticket_kind="service",
            solution="<p>Export configured in Settings</p>",
        )
        cls.resolved.stage_id = cls.done
        cls.ticket_b = cls._ticket(cls.contact_b, "Beta open")

    # messages --------------------------------------------------------------
    def test_customer_writes_on_an_open_ticket(self):
        self.authenticate("alpha", "alpha")
        self.assertNotIn("error", self._post(self.open_ticket, "Toujours vide ce matin"))
        self.assertIn("Toujours vide ce matin", self._bodies(self.open_ticket))
        self.assertIn(
            'data-allow_composer="1"', self.url_open(f"/my/ticket/{self.open_ticket.id}").text
        )

    def test_resolved_ticket_refuses_messages_on_every_route(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{self.resolved.id}").text
        self.assertIn('data-allow_composer="0"', page)
        self.assertIn("o_ticket_locked", page)
        self.assertIn("Export configured in Settings", page, "the solution is shown")
        with mute_logger("odoo.http"):
            response = self._post(self.resolved, "Encore une question")
        self.assertIn("error", response)
        self.assertIn("is resolved", json.dumps(response))
        upload = self._upload(self.resolved, "notes.txt", b"hello")
        self.assertIn("is resolved", upload["error"])
        self.assertNotIn("Encore une question", self._bodies(self.resolved))
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.resolved.id)]
            )
        )

    def test_rejected_and_cancelled_tickets_say_so_not_resolved(self):
        self.authenticate("alpha", "alpha")
        for xmlid, said in (("rejected", "was rejected"), ("cancelled", "was cancelled")):
            ticket = self._ticket(self.contact_a, f"Demande {xmlid}")
            ticket.stage_id = self.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{xmlid}")
            self.assertTrue(ticket.closed_date)
            page = self.url_open(f"/my/ticket/{ticket.id}").text
            self.assertIn(f"This ticket {said}: it takes no more messages.", page)
            self.assertIn("Closed on:", page)
            self.assertNotIn("Resolved on:", page)
            self.assertNotIn("is resolved", page)
            with mute_logger("odoo.http"):
                response = self._post(ticket, "Encore une question")
            self.assertIn(f"{ticket.number} {said}", json.dumps(response))
            self.assertNotIn("Encore une question", self._bodies(ticket))

    def test_email_reply_to_resolved_ticket_gets_an_auto_reply(self):
        def incoming():
            return self.resolved.message_ids.filtered(
                lambda m: m.message_type in ("comment", "email")
            )

        self.env.flush_all()
        count = len(incoming())
        self.env["mail.thread"].message_process(
            "helpdesk.ticket", REPLY.format(number=self.resolved.number), thread_id=self.resolved.id
        )
        self.assertEqual(len(incoming()), count)
        self.assertNotIn("Finalement le problème revient", self._bodies(self.resolved))
        # The answer, in the language of the vendor when it does not know the sender.
        reply = self.env["mail.mail"].search(
            [("subject", "ilike", self.resolved.number), ("email_to", "ilike", "alpha@x.example")]
        )
        self.assertEqual(len(reply), 1)

    def test_email_reply_to_open_ticket_is_added(self):
        self.env["mail.thread"].message_process(
            "helpdesk.ticket",
            REPLY.format(number=self.open_ticket.number),
            thread_id=self.open_ticket.id,
        )
        self.assertIn("revient", self._bodies(self.open_ticket))

    def test_staff_may_still_write_on_a_resolved_ticket(self):
        technician = new_test_user(
            self.env,
            login="tech",
            email="tech@example.com",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        self.resolved.with_user(technician).message_post(
            body="Note finale", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertIn("Note finale", self._bodies(self.resolved))

    def test_chatter_files_follow_the_attachment_rules(self):
        self.authenticate("alpha", "alpha")
        response = self._upload(self.open_ticket, "tool.exe", b"MZ\x90\x00")
        self.assertIn("programs cannot be attached", response["error"])
        response = self._upload(self.open_ticket, "log.txt", b"error 42")
        self.assertNotIn("error", response)

    # marking resolved ----------------------------------------------------------
    def test_customer_marks_own_ticket_resolved_by_post_only(self):
        self.done.close_from_portal = True
        self.authenticate("alpha", "alpha")
        url = f"/ticket/close?ticket_id={self.open_ticket.id}&stage_id={self.done.id}"
        self.url_open(url)  # a link (GET) changes nothing
        self.assertEqual(self.open_ticket.stage_id, self.in_progress)
        csrf = self._page_csrf(f"/my/ticket/{self.open_ticket.id}")
        data = {
            "ticket_id": str(self.ticket_b.id),
            "stage_id": str(self.done.id),
            "csrf_token": csrf,
        }
        self.url_open("/ticket/close", data=data)
        self.assertFalse(self.ticket_b.closed, "another company's ticket")
        data["ticket_id"] = str(self.open_ticket.id)
        self.url_open("/ticket/close", data=data)
        self.assertEqual(self.open_ticket.stage_id, self.done)

    # follow-up and reopening ---------------------------------------------------------
    def test_follow_up_ticket_quotes_the_previous_one(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{self.resolved.id}").text
        link = f"/my/support/new/service?previous_ticket_id={self.resolved.id}"
        self.assertIn(link, page)
        form = self.url_open(link).text
        self.assertIn(f"Follow-up of {self.resolved.number}: Export paie", form)
        self.url_open(
            "/my/support/new/service",
            data={
                "csrf_token": self._page_csrf(link),
                "previous_ticket_id": str(self.resolved.id),
                "subject": f"Follow-up of {self.resolved.number}",
                "description": "Le problème revient",
            },
        )
        follow_up = self.env["helpdesk.ticket"].search(
            [("previous_ticket_id", "=", self.resolved.id)]
        )
        self.assertEqual(follow_up.partner_id, self.contact_a)

    def test_reopen_window(self):
        self.authenticate("alpha", "alpha")
        csrf = self._page_csrf(f"/my/ticket/{self.resolved.id}")
        self.assertNotIn("o_ticket_reopen", self.url_open(f"/my/ticket/{self.resolved.id}").text)
        self.url_open(f"/my/ticket/{self.resolved.id}/reopen", data={"csrf_token": csrf})
        self.assertTrue(self.resolved._is_locked_for_customers(), "0 days: never")

        self.env.company.portal_ticket_reopen_days = 3
        self.resolved.closed_date = fields.Datetime.now() - timedelta(days=4)
        self.url_open(f"/my/ticket/{self.resolved.id}/reopen", data={"csrf_token": csrf})
        self.assertTrue(self.resolved._is_locked_for_customers(), "window passed")

        self.resolved.closed_date = fields.Datetime.now() - timedelta(days=2)
        self.assertIn("o_ticket_reopen", self.url_open(f"/my/ticket/{self.resolved.id}").text)
        self.url_open(f"/my/ticket/{self.resolved.id}/reopen", data={"csrf_token": csrf})
        self.assertEqual(self.resolved.portal_state, "in_progress")
        self.assertNotIn("error", self._post(self.resolved, "Merci, ça revient"))

    def test_another_companys_ticket_cannot_be_reopened(self):
        self.env.company.portal_ticket_reopen_days = 3
        self.ticket_b.stage_id = self.done
        self.authenticate("alpha", "alpha")
        csrf = self._page_csrf("/my")
        self.url_open(f"/my/ticket/{self.ticket_b.id}/reopen", data={"csrf_token": csrf})
        self.assertEqual(self.ticket_b.stage_id, self.done)
