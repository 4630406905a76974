"""The mail gateway holds the trust boundary: an address proves nothing, a reply into a
thread makes no stranger a follower, the resolved lock and the file rules apply to every
e-mail, automatic answers follow RFC 3834. Real RFC 2822 messages through message_process,
replies In-Reply-To a real notification of the ticket, real archives."""

import gzip
import io
import json
import tarfile
import zipfile
from email.message import EmailMessage
from email.utils import make_msgid

from odoo.tests import new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import ALIAS, ALIAS_DOMAIN, EXE, PDF, PNG, TicketCase


def zip_of(*members):
    """A real zip archive of (name, bytes) members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def tgz_of(*members):
    """A real .tar.gz of (name, bytes) members."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(buffer.getvalue())


def docx_bomb():
    """A .docx (a zip) whose document unpacks to 40 MB of zeros from about 40 kB."""
    return zip_of(
        ("[Content_Types].xml", b"<?xml version='1.0'?><Types/>"),
        ("word/document.xml", b"\x00" * (40 * 1024 * 1024)),
    )


@tagged("post_install", "-at_install")
class TestMailGateway(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # new_test_user gives the contacts a generated address: theirs, in these messages.
        cls.contact_a.email = "alpha@x.example"
        cls.contact_b.email = "beta@x.example"
        cls.technician = new_test_user(
            cls.env,
            login="tech_gw",
            email="tech@support.example",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.ticket = cls._ticket(cls.contact_a, "Positions GPS absentes")
        cls.ticket.message_subscribe(partner_ids=cls.contact_a.ids)
        cls.resolved = cls._ticket(cls.contact_a, "Export paie", stage="done")
        cls.resolved.message_subscribe(partner_ids=cls.contact_a.ids)
        cls.Mail = cls.env["mail.mail"]

    # helpers ---------------------------------------------------------------
    def _notification_id(self, ticket):
        """The Message-ID of a notification the ticket's followers got (the technician's
        answer): what any reply carries in In-Reply-To."""
        message = (
            ticket.with_user(self.technician)
            .sudo()
            .message_post(
                body="Pouvez-vous redémarrer le boîtier ?",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        )
        self.assertTrue(message.message_id)
        return message.message_id

    def _mail(self, sender, subject, body, reply_to=None, attachments=(), headers=None, cc=None):
        """An RFC 2822 message built with Python's email package, through the gateway."""
        message = EmailMessage()
        message["From"] = sender
        message["To"] = f"{ALIAS}@{ALIAS_DOMAIN}"
        if cc:
            message["Cc"] = cc
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="x.example")
        if reply_to:
            message["In-Reply-To"] = reply_to
            message["References"] = reply_to
        for name, value in (headers or {}).items():
            message[name] = value
        message.set_content(body)
        for name, data in attachments:
            message.add_attachment(
                data, maintype="application", subtype="octet-stream", filename=name
            )
        return self.env["mail.thread"].message_process(False, message.as_bytes())

    def _reply(self, ticket, sender, body, **kwargs):
        reply_to = self._notification_id(ticket)
        self.env.flush_all()
        return self._mail(sender, f"Re: {ticket.number}", body, reply_to=reply_to, **kwargs)

    def _messages(self, ticket, text):
        return ticket.message_ids.filtered(lambda m: text in (m.body or ""))

    def _call_kw(self, user, model, method, args):
        """``method`` of ``model`` called by ``user`` over JSON-RPC, as its browser
        would; None when the server refuses it."""
        self.authenticate(user.login, user.login)
        try:
            with mute_logger("odoo.http"):
                return self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/{model}/{method}",
                    {"model": model, "method": method, "args": args, "kwargs": {}},
                )
        except JsonRpcException:
            return None

    def _customer_reads(self, user, ticket, text):
        """What ``user`` reads of ``ticket``'s messages containing ``text``."""
        domain = [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        return self._call_kw(
            user, "mail.message", "search_read", [[*domain, ("body", "ilike", text)], ["body"]]
        )

    def _mails_to(self, email):
        return self.Mail.search([("email_to", "ilike", email)])

    # defect 9: replies into a thread -------------------------------------------
    def test_reply_from_another_companys_contact_is_a_staff_note(self):
        self._reply(self.ticket, "Contact of Beta Logistique <beta@x.example>", "Je m'invite ici")
        note = self._messages(self.ticket, "Je m'invite ici")
        self.assertEqual(len(note), 1, "kept for the support team")
        self.assertTrue(note.is_internal or note.subtype_id.internal, "an internal note")
        self.assertFalse(note.author_id, "nobody's message: the address proves nothing")
        self.assertIn("beta@x.example", note.body, "staff see who sent it")
        self.assertNotIn(self.contact_b, self.ticket.message_partner_ids, "no follower")
        self.assertFalse(self.ticket.with_user(self.user_b).has_access("read"))
        self.assertFalse(
            self.Ticket.with_user(self.user_b).search_count([("id", "=", self.ticket.id)])
        )
        # The customer neither reads it nor gets it by e-mail.
        self.assertFalse(self._customer_reads(self.user_a, self.ticket, "invite"))
        self.env.flush_all()
        self.assertFalse(
            self.Mail.search(
                [("recipient_ids", "in", self.contact_a.ids), ("body_html", "ilike", "invite")]
            )
        )

    def _customer_reads_message(self, user, message):
        """Whether ``user`` reads ``message`` by its id (mail.message/read)."""
        return bool(self._call_kw(user, "mail.message", "read", [message.ids, ["body"]]))

    def _customer_message_id(self, ticket, user, text):
        """The Message-ID of a message ``user`` (a customer) wrote on the portal."""
        message = (
            ticket.with_user(user)
            .message_post(body=text, message_type="comment", subtype_xmlid="mail.mt_comment")
            .sudo()
        )
        self.assertEqual(message.author_id, user.partner_id)
        self.env.flush_all()
        return message.message_id

    def test_stranger_answering_the_customers_message_reaches_no_customer(self):
        """Odoo notifies the author of the message a note answers: a stranger's e-mail
        kept as a note must not reach the customer so (a phishing channel)."""
        for sender in (
            "Contact of Beta Logistique <beta@x.example>",
            "Support <tech@support.example>",  # a spoofed staff address
        ):
            with self.subTest(sender=sender):
                text = f"Payez sur IBAN FR00 PIRATE {sender[:4]}"
                parent = self._customer_message_id(self.ticket, self.user_a, "Une question")
                self._mail(sender, f"Re: {self.ticket.number}", text, reply_to=parent)
                note = self._messages(self.ticket, text)
                self.assertEqual(len(note), 1)
                self.assertTrue(note.is_internal or note.subtype_id.internal)
                self.assertFalse(note.partner_ids, "nobody notified")
                self.env.flush_all()
                self.assertFalse(
                    self.Mail.search(
                        [("recipient_ids", "in", self.contact_a.ids), ("body_html", "ilike", text)]
                    ),
                    "no e-mail to the customer",
                )
                self.assertFalse(self._customer_reads_message(self.user_a, note))

    def test_another_company_in_to_or_cc_reads_no_message_of_the_ticket(self):
        """The gateway makes the known addresses of To and Cc the message's recipients,
        and a recipient reads a message: not on another company's ticket."""
        self._reply(
            self.ticket,
            "Contact of Alpha Transports <alpha@x.example>",
            "Notre boitier 42 est en panne",
            cc="Contact of Beta Logistique <beta@x.example>",
        )
        message = self._messages(self.ticket, "Notre boitier 42")
        self.assertEqual(message.author_id, self.contact_a, "the customer's own message")
        self.assertNotIn(self.contact_b, message.partner_ids)
        self.assertFalse(self._customer_reads_message(self.user_b, message))
        # A stranger's note, with the customer in copy: the customer does not read it.
        self._reply(
            self.ticket,
            "Contact of Beta Logistique <beta@x.example>",
            "Note de Beta 42",
            cc="Contact of Alpha Transports <alpha@x.example>",
        )
        note = self._messages(self.ticket, "Note de Beta 42")
        self.assertTrue(note.is_internal or note.subtype_id.internal)
        self.assertFalse(self._customer_reads_message(self.user_a, note))
        self.assertFalse(self._customer_reads_message(self.user_b, note))

    def test_a_customer_stars_messages_for_itself_only(self):
        self._customer_message_id(self.ticket, self.user_a, "A etoiler")
        message = self._messages(self.ticket, "A etoiler")
        for partner, allowed in ((self.contact_b, False), (self.contact_a, True)):
            with self.subTest(partner=partner.name):
                stars = {"starred_partner_ids": [(4, partner.id)]}
                answer = self._call_kw(self.user_a, "mail.message", "write", [message.ids, stars])
                self.assertEqual(bool(answer), allowed)
                self.assertEqual(partner in message.sudo().starred_partner_ids, allowed)

    def test_reply_from_another_companys_contact_in_copy_is_its_message(self):
        # Staff put Beta's contact in copy: the portal rule lets it read the ticket, so
        # its reply is its own public message, as on the portal.
        self.ticket.cc_partner_ids = self.contact_b
        self._reply(self.ticket, "Contact of Beta Logistique <beta@x.example>", "Vu de notre cote")
        message = self._messages(self.ticket, "Vu de notre cote")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.contact_b)
        self.assertFalse(message.is_internal or message.subtype_id.internal, "a public message")
        self.assertTrue(self._customer_reads(self.user_b, self.ticket, "notre cote"))

    def test_reply_from_the_customer_does_not_subscribe_its_cc_of_another_company(self):
        self._reply(
            self.ticket,
            "Contact of Alpha Transports <alpha@x.example>",
            "Toujours vide",
            cc="Contact of Beta Logistique <beta@x.example>",
        )
        message = self._messages(self.ticket, "Toujours vide")
        self.assertEqual(message.author_id, self.contact_a)
        self.assertFalse(message.is_internal or message.subtype_id.internal, "the customer's")
        self.assertNotIn(self.contact_b, self.ticket.message_partner_ids)
        self.assertFalse(self.ticket.with_user(self.user_b).has_access("read"))

    def test_unknown_sender_reply_is_a_staff_note(self):
        self._reply(self.ticket, "Qui <qui@ailleurs.example>", "Bonjour de nulle part")
        note = self._messages(self.ticket, "Bonjour de nulle part")
        self.assertTrue(note.is_internal or note.subtype_id.internal)
        self.assertFalse(
            self.ticket.message_partner_ids.filtered(
                lambda p: p.email_normalized == "qui@ailleurs.example"
            )
        )
        self.assertFalse(self._customer_reads(self.user_a, self.ticket, "nulle part"))

    def test_reply_on_a_ticket_of_an_unknown_address(self):
        ticket = self.Ticket.browse(
            self._mail("Inconnu <inconnu@ailleurs.example>", "Devis", "Un devis svp")
        )
        self.assertFalse(ticket.partner_id)
        self._reply(ticket, "Inconnu <INCONNU@ailleurs.example>", "Merci pour le devis")
        self._reply(ticket, "Autre <autre@ailleurs.example>", "Moi aussi un devis")
        own = self._messages(ticket, "Merci pour le devis")
        self.assertFalse(own.is_internal or own.subtype_id.internal, "its own address: public")
        other = self._messages(ticket, "Moi aussi un devis")
        self.assertTrue(other.is_internal or other.subtype_id.internal, "another: a note")

    def test_forged_staff_reply_to_a_resolved_ticket_is_refused(self):
        self._reply(
            self.resolved,
            "Technicien <tech@support.example>",
            "Lancez ce correctif",
            attachments=[("correctif.exe", EXE)],
        )
        self.assertFalse(self._messages(self.resolved, "correctif"), "the lock holds")
        self.assertFalse(self.resolved.attachment_ids.filtered(lambda a: "exe" in a.name))
        # In the vendor's language (the sender is nobody it knows).
        answer = self._mails_to("tech@support.example").filtered(
            lambda m: self.resolved.number in (m.subject or "")
        )
        self.assertEqual(len(answer), 1)
        self.assertIn("auto-replied", answer.headers)

    def test_forged_staff_reply_to_an_open_ticket_obeys_the_file_rules(self):
        self._reply(
            self.ticket,
            "Technicien <tech@support.example>",
            "Voici le correctif",
            attachments=[("correctif.exe", EXE), ("capture.png", PNG)],
        )
        message = self._messages(self.ticket, "Voici le correctif")
        self.assertEqual(len(message), 1)
        self.assertTrue(message.is_internal or message.subtype_id.internal, "not the technician")
        self.assertNotEqual(message.author_id, self.technician.partner_id)
        self.assertEqual(self.ticket.attachment_ids.mapped("name"), ["capture.png"])
        listing = self._messages(self.ticket, "correctif.exe: programs cannot be attached.")
        self.assertEqual(len(listing), 1)
        self.assertTrue(listing.subtype_id.internal, "the listing of a note is a note")
        self.assertFalse(self._customer_reads(self.user_a, self.ticket, "correctif"))

    # defect 10: automatic answers ------------------------------------------------
    def test_no_answer_to_automatic_mail(self):
        automatic = {
            "auto-replied": {"Auto-Submitted": "auto-replied"},
            "auto-generated": {"Auto-Submitted": "auto-generated"},
            "bulk": {"Precedence": "bulk"},
            "list": {"List-Id": "<clients.x.example>"},
            "unsubscribe": {"List-Unsubscribe": "<mailto:leave@x.example>"},
            "x-autoreply": {"X-Autoreply": "yes"},
            "x-autorespond": {"X-Autorespond": "yes"},
        }
        for name, headers in automatic.items():
            with self.subTest(name):
                self._reply(
                    self.resolved,
                    "Contact of Alpha Transports <alpha@x.example>",
                    f"Absent du bureau {name}",
                    headers=headers,
                )
                self.assertFalse(self._messages(self.resolved, "Absent du bureau"))
        self.assertFalse(
            self._mails_to("alpha@x.example").filtered(lambda m: "is resolved" in m.subject),
            "no answer to a machine",
        )
        # Mail from a mailer daemon or from one of our own aliases neither.
        self.env.company.portal_ticket_unknown_senders = "refuse"
        self._mail("MAILER-DAEMON@relay.example", "Undelivered", "x")
        self._mail(f"{ALIAS}@{ALIAS_DOMAIN}", "Boucle", "x")
        self.assertFalse(self._mails_to("relay.example"))
        self.assertFalse(self._mails_to(f"{ALIAS}@{ALIAS_DOMAIN}"))

    def test_resolved_answer_is_marked_limited_and_has_no_token(self):
        for number in range(3):
            self._reply(
                self.resolved,
                "Contact of Alpha Transports <alpha@x.example>",
                f"Encore une question {number}",
            )
        answers = self._mails_to("alpha@x.example").filtered(lambda m: "is resolved" in m.subject)
        self.assertEqual(len(answers), 1, "one automatic answer per address an hour")
        self.assertEqual(answers.email_to, "alpha@x.example")
        self.assertIn("'Auto-Submitted': 'auto-replied'", answers.headers)
        self.assertNotIn("access_token", answers.body_html)
        self.assertIn(f"/my/ticket/{self.resolved.id}", answers.body_html)
        self.assertNotIn("Export paie", answers.body_html + answers.subject, "no subject echo")
        # To a stranger: the same, nothing of the ticket but its number.
        self._reply(self.resolved, "Intrus <intrus@ailleurs.example>", "Coucou")
        stranger = self._mails_to("intrus@ailleurs.example")
        self.assertEqual(len(stranger), 1)
        self.assertNotIn("access_token", stranger.body_html)
        self.assertNotIn("Export paie", stranger.body_html + stranger.subject)

    def test_refusing_unknown_senders_relays_no_spam(self):
        self.env.company.portal_ticket_unknown_senders = "refuse"
        for number in range(3):
            self.assertFalse(
                self._mail(
                    "Victime <victime@ailleurs.example>",
                    f"Cheap pills www.spam.example {number}",
                    "Buy now at www.spam.example",
                )
            )
        refusals = self._mails_to("victime@ailleurs.example")
        self.assertEqual(len(refusals), 1, "one automatic answer per address an hour")
        self.assertIn("auto-replied", refusals.headers)
        for text in (refusals.subject, refusals.body_html):
            self.assertNotIn("spam.example", text)
            self.assertNotIn("pills", text)

    def test_acknowledgment_to_an_unknown_address_relays_nothing(self):
        self.env.company.portal_ticket_unknown_senders = "open"
        # No other acknowledgment owed in the database (committed by other tests).
        self.Ticket.search([("acknowledgment_pending", "=", True)]).acknowledgment_pending = False
        tickets = self.Ticket.browse(
            [
                self._mail(
                    "Pills at www.spam.example <victime@ailleurs.example>",
                    f"Cheap pills www.spam.example {number}",
                    "Buy now at www.spam.example",
                )
                for number in range(2)
            ]
        )
        self.assertEqual(len(tickets.exists()), 2, "the tickets are opened")
        self.env.ref("customer_portal_tickets.ir_cron_send_acknowledgments").method_direct_trigger()
        acknowledgment = self._mails_to("victime@ailleurs.example")
        self.assertEqual(len(acknowledgment), 1, "one automatic answer per address an hour")
        self.assertEqual(acknowledgment.email_to, "victime@ailleurs.example")
        self.assertIn(tickets[0].number, acknowledgment.subject)
        self.assertIn("auto-replied", acknowledgment.headers)
        for text in (acknowledgment.subject, acknowledgment.body_html):
            self.assertNotIn("spam.example", text)
            self.assertNotIn("pills", text)
            self.assertNotIn("access_token", text)

    def test_automatic_mail_gets_no_acknowledgment(self):
        ticket_id = self._mail(
            "Supervision <supervision@ailleurs.example>",
            "ALERTE disque plein",
            "Le disque est plein.",
            headers={"Auto-Submitted": "auto-generated"},
        )
        ticket = self.Ticket.browse(ticket_id)
        self.assertTrue(ticket.exists(), "a ticket all the same")
        self.assertFalse(ticket.acknowledgment_pending, "but no answer to a machine")

    def test_hourly_limit_of_unknown_senders_counts_the_exact_address(self):
        self.env.company.portal_ticket_hourly_limit = 1
        self.env.company.portal_ticket_unknown_senders = "open"
        self.assertTrue(self._mail("X <xbob@ailleurs.example>", "Un", "premier"))
        self.assertTrue(
            self._mail("Bob <bob@ailleurs.example>", "Deux", "second"),
            "xbob@'s ticket is not bob@'s",
        )
        self.assertFalse(self._mail("Bob <BOB@ailleurs.example>", "Trois", "troisième"))

    # defect 6: e-mail identity -------------------------------------------------------
    def test_address_shared_by_two_companies_is_unknown(self):
        # Set in the backend (a customer can no longer do it): alpha's user has beta's.
        self.user_a.partner_id.email = "beta@x.example"
        ticket = self.Ticket.browse(
            self._mail("Contact of Beta Logistique <beta@x.example>", "Badge HS", "Bonjour")
        )
        self.assertTrue(ticket.exists())
        self.assertFalse(ticket.partner_id, "nobody's rather than a guess")
        self.assertIn("beta@x.example", ticket.partner_email)
        self.assertFalse(self.Ticket.with_user(self.user_a).search([("id", "=", ticket.id)]))
        self.assertFalse(ticket.with_user(self.user_a).has_access("read"))

    def test_customer_cannot_take_another_contacts_address(self):
        self.authenticate("alpha", "alpha")
        with mute_logger("odoo.http"):
            answer = self.url_open(
                "/web/dataset/call_kw/res.users/write",
                data=json.dumps(
                    {
                        "params": {
                            "model": "res.users",
                            "method": "write",
                            "args": [[self.user_a.id], {"email": "BETA@x.example"}],
                            "kwargs": {},
                        }
                    }
                ),
                headers={"Content-Type": "application/json"},
            ).json()
        self.assertIn("already used by another contact", json.dumps(answer))
        self.assertIn("vendor", json.dumps(answer))
        self.contact_a.invalidate_recordset()
        self.assertEqual(self.contact_a.email, "alpha@x.example")
        # Its partner, as the user (sudo, as a portal controller would), neither.
        with self.assertRaisesRegex(Exception, "already used by another contact"):
            self.contact_a.with_user(self.user_a).sudo().write({"email": "beta@x.example"})
        # Nor hidden in a list: Odoo matches a contact by the first address of its field.
        for listed in (
            "beta@x.example,pirate@y.example",
            "pirate@y.example; beta@x.example",
            "<beta@x.example> <pirate@y.example>",
        ):
            with self.assertRaisesRegex(Exception, "single e-mail address|already used"):
                self.contact_a.with_user(self.user_a).sudo().write({"email": listed})
        # NUL and control characters: a clear refusal, not PostgreSQL's error.
        with self.assertRaisesRegex(Exception, "not valid"):
            self.contact_a.with_user(self.user_a).sudo().write({"email": "alpha\x00@x.example"})
        self.contact_a.invalidate_recordset()
        self.assertEqual(self.contact_a.email, "alpha@x.example")
        Partner = self.env["res.partner"]
        self.assertEqual(Partner._find_ticket_sender("beta@x.example"), self.contact_b)
        self.assertEqual(Partner._find_ticket_sender("beta\x00@x.example"), self.contact_b)
        # A new address of its own is fine.
        self.contact_a.with_user(self.user_a).sudo().write({"email": "alpha2@x.example"})
        self.assertEqual(self.contact_a.email, "alpha2@x.example")

    def test_my_account_refuses_another_contacts_address(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        country = self.env.ref("base.fr")
        # A company's contact may not change its country (portal keeps its own).
        self.contact_a.write({"lang": "fr_FR", "country_id": country.id})
        self.authenticate("alpha", "alpha")
        csrf = self._page_csrf("/my/account")
        response = self.url_open(
            "/my/account",
            data={
                "csrf_token": csrf,
                "name": "Alpha Pirate",
                "email": "beta@x.example",
                "phone": "0102030405",
                "street": "1 rue du Port",
                "city": "Marseille",
                "country_id": str(country.id),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("déjà utilisée par un autre contact", response.text)
        self.assertIn('value="beta@x.example"', response.text, "what was typed kept")
        self.assertIn("Alpha Pirate", response.text)
        self.contact_a.invalidate_recordset()
        self.assertEqual(self.contact_a.email, "alpha@x.example")
        self.assertEqual(self.contact_a.name, "Contact of Alpha Transports")

    # defect 12: archives ---------------------------------------------------------------
    def test_archives_by_email_are_opened(self):
        ticket = self.Ticket.browse(
            self._mail(
                "Contact of Alpha Transports <alpha@x.example>",
                "Journaux",
                "Voici les journaux",
                attachments=[
                    ("journaux.zip", zip_of(("setup.exe", EXE), ("a.txt", b"ok"))),
                    ("deguise.zip", zip_of(("outil.dat", EXE))),
                    ("rapport.docx", docx_bomb()),
                    ("bon.zip", zip_of(("journal.txt", b"erreur 42\n" * 100), ("a.pdf", PDF))),
                ],
            )
        )
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["bon.zip"])
        bodies = self._bodies(ticket)
        self.assertIn("journaux.zip: this archive contains a program", bodies)
        self.assertIn("deguise.zip: this archive contains a program", bodies)
        self.assertIn("rapport.docx: unpacked, this archive would be far larger", bodies)

    def test_nested_and_unreadable_archives_by_email(self):
        nested = zip_of(("a.txt", b"x"))
        for level in range(4):
            nested = zip_of((f"niveau{level}.zip", nested))
        # An archive whose member says it is encrypted (bit 0 of its flags, in its local
        # and central headers): its content cannot be checked.
        locked = bytearray(zip_of(("secret.txt", b"x")))
        for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            position = locked.index(header) + offset
            locked[position] |= 0x1
        ticket = self.Ticket.browse(
            self._mail(
                "Contact of Alpha Transports <alpha@x.example>",
                "Archives",
                "Voici",
                attachments=[
                    ("poupees.zip", nested),
                    ("secret.zip", bytes(locked)),
                    ("tableau.xlsx", zip_of(("xl/workbook.xml", b"<workbook/>"))),
                ],
            )
        )
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["tableau.xlsx"])
        bodies = self._bodies(ticket)
        self.assertIn("poupees.zip: this archive holds archives nested too deep", bodies)
        self.assertIn("secret.zip: this archive cannot be opened to check its content", bodies)

    def test_tar_gz_archives_are_opened_when_accepted(self):
        company = self.env.company
        company.portal_ticket_allowed_extensions += ",tgz,gz"
        ticket = self.Ticket.browse(
            self._mail(
                "Contact of Alpha Transports <alpha@x.example>",
                "Sauvegardes",
                "Voici",
                attachments=[
                    ("outils.tgz", tgz_of(("bin/outil", b"\x7fELF\x02\x01"), ("a.txt", b"x"))),
                    ("journal.log.gz", gzip.compress(b"\x00" * (20 * 1024 * 1024))),
                    ("journaux.tgz", tgz_of(("journal.txt", b"erreur 42\n" * 100))),
                ],
            )
        )
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["journaux.tgz"])
        bodies = self._bodies(ticket)
        self.assertIn("outils.tgz: this archive contains a program", bodies)
        self.assertIn("journal.log.gz: unpacked, this archive would be far larger", bodies)

    def test_archive_with_a_program_by_portal_form(self):
        self.authenticate("alpha", "alpha")
        archive = zip_of(("lisezmoi.txt", b"x"), ("bin/setup.exe", EXE))
        response = self._send(
            "incident",
            self._incident(),
            files=[("attachments", ("journaux.zip", archive, "application/zip"))],
        )
        self.assertIn("journaux.zip: this archive contains a program", response.text)
        self.assertFalse(self.Ticket.search([("name", "=", self._incident()["subject"])]))
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "journaux.zip")]))
