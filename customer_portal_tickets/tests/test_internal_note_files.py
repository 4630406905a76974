"""The files of a technician's internal note never reach the customer: not on the ticket
page, not by /web/content (with or without the token the page used to print, with or
without a session), not over JSON-RPC, not in mail's chatter data."""

import json

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PDF, TicketCase

INTERNAL = b"%PDF-1.4\n%plan interne du reseau\n"


@tagged("post_install", "-at_install")
class TestInternalNoteFiles(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env,
            login="tech_files",
            email="tech_files@support.example",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.ticket = cls._ticket(cls.contact_b, user_id=cls.technician.id)
        as_technician = cls.ticket.with_user(cls.technician)
        cls.note = as_technician.message_post(
            body="Mot de passe du routeur dans le plan",
            attachments=[("plan-interne.pdf", INTERNAL)],
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        cls.answer = as_technician.message_post(
            body="Voici la procédure",
            attachments=[("procedure.pdf", PDF)],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.internal_file = cls.note.attachment_ids
        cls.public_file = cls.answer.attachment_ids
        # The token a page printed before (or that staff made): it must not open it.
        cls.leaked_token = cls.internal_file.sudo().generate_access_token()[0]

    def _json(self, url, params):
        return self.url_open(
            url, data=json.dumps({"params": params}), headers={"Content-Type": "application/json"}
        ).json()

    def _download(self, attachment, token=None):
        url = f"/web/content/{attachment.id}?download=true"
        if token:
            url += f"&access_token={token}"
        return self.url_open(url)

    def test_customer_page_lists_only_public_files(self):
        self.authenticate("beta", "beta")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("procedure.pdf", page.text)
        self.assertNotIn("plan-interne.pdf", page.text)
        self.assertNotIn(f"/web/content/{self.internal_file.id}?", page.text)
        # The public file's link works for the customer.
        token = self.public_file.sudo().access_token
        self.assertIn(token, page.text)
        self.assertEqual(self._download(self.public_file, token).content, PDF)

    def test_internal_file_is_not_downloadable_by_customers(self):
        self.authenticate("beta", "beta")
        self.url_open(f"/my/ticket/{self.ticket.id}")  # helpdesk_mgmt tokenises here
        with mute_logger("odoo.http"):
            for token in (None, self.leaked_token, self.internal_file.sudo().access_token):
                response = self._download(self.internal_file, token)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"plan interne", response.content)
        self.authenticate(None, None)  # no session: the public user
        with mute_logger("odoo.http"):
            response = self._download(self.internal_file, self.leaked_token)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"plan interne", response.content)
        # Staff still open it.
        self.authenticate("tech_files", "tech_files")
        self.assertEqual(self._download(self.internal_file).content, INTERNAL)

    def test_internal_file_is_not_in_json_rpc_nor_chatter_data(self):
        self.authenticate("beta", "beta")
        answer = self._json(
            "/web/dataset/call_kw/ir.attachment/search_read",
            {
                "model": "ir.attachment",
                "method": "search_read",
                "args": [[["res_model", "=", "helpdesk.ticket"]]],
                "kwargs": {"fields": ["name", "access_token"]},
            },
        )
        self.assertNotIn("plan-interne", json.dumps(answer))
        messages = self._json(
            "/mail/thread/messages",
            {"thread_model": "helpdesk.ticket", "thread_id": self.ticket.id},
        )
        self.assertIn(self.answer.id, messages["result"]["messages"], "the answer is there")
        self.assertNotIn("plan-interne", json.dumps(messages))
        self.assertNotIn("Mot de passe", json.dumps(messages))
        # The chatter's file list, with the ticket's portal link (mail reads it with sudo).
        self.authenticate(None, None)
        data = self._json(
            "/mail/thread/data",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "request_list": ["attachments"],
                "token": self.ticket.sudo()._portal_ensure_token(),
            },
        )
        self.assertIn("procedure.pdf", json.dumps(data))
        self.assertNotIn("plan-interne", json.dumps(data))

    # reactions ----------------------------------------------------------------------
    def _react(self, message_id, action="add"):
        return self.url_open(
            "/mail/message/reaction",
            data=json.dumps(
                {"params": {"message_id": message_id, "content": "👍", "action": action}}
            ),
            headers={"Content-Type": "application/json"},
        )

    def test_no_reaction_on_internal_notes(self):
        """A customer reacts to the answers it reads, not to a note: the answer is the
        one of a message that does not exist (it tells nothing of which ids do)."""
        Reaction = self.env["mail.message.reaction"]
        missing = self.env["mail.message"].search([], order="id desc", limit=1).id + 1000
        self.authenticate("beta", "beta")
        with mute_logger("odoo.http"):
            nowhere = self._react(missing)
            refused = self._react(self.note.id)
        self.assertEqual(refused.status_code, nowhere.status_code)
        error, expected = refused.json().get("error", {}), nowhere.json()["error"]
        self.assertEqual(error.get("code"), expected["code"])
        self.assertEqual(error["data"]["message"], expected["data"]["message"])
        self.assertNotIn("result", refused.json())
        self.assertFalse(Reaction.search([("message_id", "=", self.note.id)]))
        # A logged message (is_internal) neither.
        log = self.ticket._message_log(body="Relancé par téléphone")
        with mute_logger("odoo.http"):
            self.assertNotIn("result", self._react(log.id).json())
        self.assertFalse(Reaction.search([("message_id", "=", log.id)]))
        # The answer it reads: its reaction is there, for staff too.
        answer = self._react(self.answer.id).json()
        self.assertIn("result", answer)
        reaction = Reaction.search([("message_id", "=", self.answer.id)])
        self.assertEqual(reaction.partner_id, self.contact_b)
