"""What a customer posts is its own, on every chatter it can write in and through every
door: JSON-RPC, mail's /mail/message/post and /mail/message/update_content, a portal
link's token, mail's upload route. Checked where staff and the other company look: the
stored message, the e-mails queued, the ticket's waiting flag."""

import json

from markupsafe import Markup

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import EXE, PDF, PNG, TicketCase


@tagged("post_install", "-at_install")
class TestCustomerPosts(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env,
            login="tech_posts",
            name="Théo Technicien",
            email="theo@support.example",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.colleague_b = cls.env["res.partner"].create(
            {"name": "Collègue Beta", "parent_id": cls.company_b.id, "email": "col@b.example"}
        )
        cls.copy_a = cls.env["res.partner"].create(
            {"name": "En copie Alpha", "parent_id": cls.company_a.id, "email": "copie@a.example"}
        )
        cls.ticket = cls._ticket(cls.contact_b, user_id=cls.technician.id)
        # Followers: a colleague of the customer, the technician, and a contact of another
        # company staff put in copy (it gets the ticket's news, not the customer's picks).
        cls.ticket.cc_partner_ids = cls.copy_a
        cls.ticket.message_subscribe(partner_ids=(cls.colleague_b | cls.technician.partner_id).ids)

    def _call_kw(self, model, method, args, kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def _json(self, url, params):
        return self.url_open(
            url, data=json.dumps({"params": params}), headers={"Content-Type": "application/json"}
        ).json()

    def _message(self, text):
        return self.env["mail.message"].search(
            [("model", "=", "helpdesk.ticket"), ("body", "ilike", text)]
        )

    def _mailed_to(self, message):
        """Who the e-mails queued for ``message`` are for."""
        self.env["mail.mail"].flush_model()
        mails = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        return mails.recipient_ids | message.notification_ids.res_partner_id

    def assertCustomerComment(self, message, author):
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, author, "the customer's own message")
        self.assertIn(author.email, message.email_from)
        self.assertEqual(message.message_type, "comment")
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertFalse(message.is_internal)

    # posting as anyone (JSON-RPC) -------------------------------------------------
    def test_json_rpc_message_post_is_the_customers_comment(self):
        stranger = self.env["res.partner"].create(
            {"name": "Inconnu", "email": "inconnu@ailleurs.example"}
        )
        self.authenticate("beta", "beta")
        self._call_kw(
            "helpdesk.ticket",
            "message_post",
            [[self.ticket.id]],
            {
                "body": "Problème résolu, fermez le ticket",
                "author_id": self.technician.partner_id.id,
                "email_from": "theo@support.example",
                "partner_ids": [*(self.contact_a | stranger | self.copy_a | self.colleague_b).ids],
                "message_type": "notification",
                "subtype_xmlid": "mail.mt_note",
                "reply_to": "pirate@ailleurs.example",
                "email_layout_xmlid": "mail.mail_notification_light",
                "is_internal": True,
                "context": {"default_is_internal": True},
            },
        )
        message = self._message("Problème résolu")
        self.assertCustomerComment(message, self.contact_b)
        self.assertNotIn("pirate", message.reply_to or "")
        self.assertEqual(message.partner_ids, self.colleague_b, "only its company's followers")
        mailed = self._mailed_to(message)
        self.assertNotIn(self.contact_a, mailed, "no e-mail to another company")
        self.assertNotIn(stranger, mailed)
        self.assertFalse(self.ticket.is_waiting_for_customer, "the customer wrote last")
        # Staff read it as the customer's, in the backend.
        technician_view = message.with_user(self.technician).read(["author_id", "subtype_id"])
        self.assertEqual(technician_view[0]["author_id"][0], self.contact_b.id)

    def test_xml_rpc_message_post_is_the_customers_comment(self):
        self._xmlrpc(
            "beta",
            "helpdesk.ticket",
            "message_post",
            [self.ticket.id],
            body="Par XML-RPC",
            author_id=self.technician.partner_id.id,
            email_from="theo@support.example",
            message_type="notification",
            subtype_xmlid="mail.mt_note",
            partner_ids=[self.contact_a.id],
        )
        message = self._message("Par XML-RPC")
        self.assertCustomerComment(message, self.contact_b)
        self.assertFalse(message.partner_ids)
        self.assertNotIn(self.contact_a, self._mailed_to(message))
        self.assertFalse(self.ticket.is_waiting_for_customer)

    # customer "internal notes" (/mail/message/post) -------------------------------------
    def test_mail_message_post_note_is_a_public_comment(self):
        self.authenticate("beta", "beta")
        self._json(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "post_data": {
                    "body": "Note pour les techniciens",
                    "message_type": "notification",
                    "subtype_xmlid": "mail.mt_note",
                    "partner_ids": [self.contact_a.id, self.copy_a.id, self.colleague_b.id],
                    "author_id": self.technician.partner_id.id,
                    "email_add_signature": False,
                },
                "context": {"default_is_internal": True, "default_author_id": 1},
            },
        )
        message = self._message("Note pour les techniciens")
        self.assertCustomerComment(message, self.contact_b)
        self.assertEqual(message.partner_ids, self.colleague_b)
        self.assertNotIn(self.contact_a, self._mailed_to(message))
        # The customer reads what it wrote in its chatter, as any comment.
        answer = self._json(
            "/mail/thread/messages",
            {"thread_model": "helpdesk.ticket", "thread_id": self.ticket.id},
        )
        self.assertIn(message.id, answer["result"]["messages"])

    def test_mail_message_update_content_mentions_only_its_company(self):
        self.authenticate("beta", "beta")
        self._json(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "post_data": {"body": "Premier jet", "message_type": "comment"},
            },
        )
        message = self._message("Premier jet")
        self._json(
            "/mail/message/update_content",
            {
                "message_id": message.id,
                "body": "Second jet\x00",
                "attachment_ids": [],
                "partner_ids": [self.contact_a.id, self.colleague_b.id],
            },
        )
        self.assertIn("Second jet", message.body)
        self.assertNotIn("\x00", message.body)
        self.assertEqual(message.partner_ids, self.colleague_b, "no mention of another company")
        self.assertCustomerComment(message, self.contact_b)

    def test_a_customer_changes_its_message_only_by_editing_it(self):
        self.authenticate("beta", "beta")
        self._json(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "post_data": {"body": "Mon texte", "message_type": "comment"},
            },
        )
        message = self._message("Mon texte")
        forged = "<p>Votre licence est résiliée : <a href='https://evil.example'>payez</a></p>"
        for values in (
            {"author_id": self.technician.partner_id.id, "body": forged},
            {"author_id": self.contact_a.id},
            {"body": "<p>" + "z" * 40_000 + "</p>"},
            {"is_internal": True},
        ):
            with self.subTest(list(values)), mute_logger("odoo.http"):
                answer = self._json(
                    "/web/dataset/call_kw/mail.message/write",
                    {
                        "model": "mail.message",
                        "method": "write",
                        "args": [[message.id], values],
                        "kwargs": {"context": {"lang": "fr_FR"}},
                    },
                )
                self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.AccessError")
        with mute_logger("odoo.http"):
            answer = self._json(
                "/mail/update_is_internal", {"message_id": message.id, "is_internal": True}
            )
        self.assertIn("error", answer)
        message.invalidate_recordset()
        self.assertEqual(message.body, Markup("<p>Mon texte</p>"))
        self.assertCustomerComment(message, self.contact_b)

    def test_other_chatters_follow_the_same_rule(self):
        subscription = self.env["sale.subscription"].search(
            [("partner_id", "=", self.company_b.id)], limit=1
        )
        self.assertTrue(subscription)
        subscription.message_subscribe(partner_ids=self.contact_a.ids)
        self.authenticate("beta", "beta")
        self._json(
            "/mail/message/post",
            {
                "thread_model": "sale.subscription",
                "thread_id": subscription.id,
                "post_data": {
                    "body": "Note sur l'abonnement",
                    "subtype_xmlid": "mail.mt_note",
                    "message_type": "notification",
                    "partner_ids": [self.contact_a.id],
                },
            },
        )
        message = self.env["mail.message"].search(
            [("model", "=", "sale.subscription"), ("body", "ilike", "Note sur l'abonnement")]
        )
        self.assertCustomerComment(message, self.contact_b)
        self.assertFalse(message.partner_ids)

    # a portal link's token ------------------------------------------------------------
    def test_token_post_is_the_customer_the_token_names(self):
        """An anonymous visitor with the ticket's link posts as its customer (the token
        says who), with the customer's rules."""
        token = self.ticket.sudo()._portal_ensure_token()
        self._json(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.ticket.id,
                "token": token,
                "post_data": {
                    "body": "Réponse par le lien",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_note",
                    "partner_ids": [self.contact_a.id],
                },
            },
        )
        message = self._message("Réponse par le lien")
        self.assertCustomerComment(message, self.contact_b)
        self.assertFalse(message.partner_ids)
        self.assertFalse(self.ticket.is_waiting_for_customer)

    # server code posting in a customer's request --------------------------------------
    def test_server_notes_in_a_customers_request_stay_notes(self):
        """sale's "quotation viewed" note, posted with sudo when a customer opens its
        quotation's link, is the server's: not turned into the customer's comment."""
        order = self.env["sale.order"].create(
            {"partner_id": self.contact_b.id, "user_id": self.technician.id}
        )
        token = order._portal_ensure_token()
        self.authenticate("beta", "beta")
        self.assertEqual(
            self.url_open(f"/my/orders/{order.id}?access_token={token}").status_code, 200
        )
        viewed = order.message_ids.filtered(lambda m: "viewed" in (m.body or "").lower())
        self.assertEqual(viewed.subtype_id, self.env.ref("sale.mt_order_viewed"))
        self.assertEqual(viewed.message_type, "notification")

    # files, in every chatter ---------------------------------------------------------
    def _upload(self, model, record, name, data, page):
        csrf = self._page_csrf(page)
        return self.url_open(
            "/mail/attachment/upload",
            data={"thread_id": str(record.id), "thread_model": model, "csrf_token": csrf},
            files=[("ufile", (name, data, "application/octet-stream"))],
        ).json()

    def test_file_policy_in_the_subscription_chatter(self):
        subscription = self.env["sale.subscription"].search(
            [("partner_id", "=", self.company_b.id)], limit=1
        )
        page = f"/my/subscriptions/{subscription.id}"
        Attachment = self.env["ir.attachment"]
        self.authenticate("beta", "beta")
        for name, data in (("outil.exe", EXE), ("faux.pdf", EXE), ("notes.xyz", PDF)):
            with self.subTest(name):
                answer = self._upload("sale.subscription", subscription, name, data, page)
                self.assertIn("error", answer)
                self.assertFalse(Attachment.search([("name", "=", name)]))
        answer = self._upload("sale.subscription", subscription, "capture.png", PNG, page)
        self.assertNotIn("error", answer)
        self.assertTrue(Attachment.search([("name", "=", "capture.png")]))

    def test_file_policy_of_json_rpc_posts_on_other_chatters(self):
        order = self.env["sale.order"].create({"partner_id": self.contact_b.id})
        order.message_subscribe(partner_ids=self.contact_b.ids)
        self.authenticate("beta", "beta")
        with mute_logger("odoo.http"):
            answer = self._json(
                "/web/dataset/call_kw/sale.order/message_post",
                {
                    "model": "sale.order",
                    "method": "message_post",
                    "args": [[order.id]],
                    "kwargs": {"body": "voir pièce", "attachments": [["outil.exe", "MZ\x90"]]},
                },
            )
        self.assertIn("programs cannot be attached", answer["error"]["data"]["message"])
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "outil.exe")]))

    # size of a message -----------------------------------------------------------------
    def _refused(self, answer):
        """The error message of a refused JSON-RPC call (there is no result)."""
        if "result" in answer:
            self.fail("the message was accepted")
        return answer["error"]["data"]["message"]

    def test_too_long_messages_are_refused(self):
        """A customer's message is at most as long as a ticket's description (30,000
        characters of text, ten times that of HTML), at every door: refused with a
        message, neither stored nor e-mailed."""
        self.authenticate("beta", "beta")
        with mute_logger("odoo.http"):
            huge = self._json(
                "/web/dataset/call_kw/helpdesk.ticket/message_post",
                {
                    "model": "helpdesk.ticket",
                    "method": "message_post",
                    "args": [[self.ticket.id]],
                    "kwargs": {"body": "ENORME" + "B" * 12_000_000},
                },
            )
            long_text = self._post(self.ticket, "LONGTEXTE " + "é" * 30_001)
            markup = self._post(self.ticket, "<p>BALISES</p>" + "<b></b>" * 50_000)
        for answer in (huge, long_text, markup):
            self.assertIn("too long: at most 30000 characters", self._refused(answer))
        for marker in ("ENORME", "LONGTEXTE", "BALISES"):
            self.assertFalse(self._message(marker), "not stored")
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("body_html", "ilike", "BBBBBBBBBB")]),
            "not e-mailed",
        )
        # Up to the limit, it is posted; in French for a French customer.
        self.assertIn("result", self._post(self.ticket, "LONGUEUR " + "é" * 29_000))
        self.assertTrue(self._message("LONGUEUR"))
        self.user_b.lang = "fr_FR"
        self.authenticate("beta", "beta")  # the session's language is the login's
        with mute_logger("odoo.http"):
            answer = self._post(self.ticket, "LONGTEXTE " + "é" * 30_001)
        self.assertIn("Votre message est trop long", self._refused(answer))

    def test_too_long_edit_is_refused(self):
        self.authenticate("beta", "beta")
        self._post(self.ticket, "Version courte")
        message = self._message("Version courte")
        with mute_logger("odoo.http"):
            answer = self._json(
                "/mail/message/update_content",
                {
                    "message_id": message.id,
                    "body": "Version longue " + "x" * 30_001,
                    "attachment_ids": [],
                },
            )
        self.assertIn("too long", self._refused(answer))
        message.invalidate_recordset()
        self.assertIn("Version courte", message.body)
