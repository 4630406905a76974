"""One set of rules for every way a ticket comes in: the portal forms, the portal
chatter, the mail gateway, XML-RPC, the backend. A test per rule and door."""

import json
import xmlrpc.client
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import EXE, PNG, TicketCase


@tagged("post_install", "-at_install")
class TestTicketRules(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.portal_ticket_approved_only = True
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.approver = cls.env["res.partner"].create(
            {
                "name": "Marie Approuvée",
                "parent_id": cls.company_a.id,
                "email": "marie@x.example",
                "portal_ticket_approved": True,
                "lang": "fr_FR",
            }
        )
        cls.walker = cls.env["res.partner"].create(
            {"name": "Paul Passant", "parent_id": cls.company_a.id, "email": "paul@x.example"}
        )
        cls.env.company.write({"portal_ticket_hourly_limit": 2, "portal_ticket_max_file_size": 1})

    def _created(self):
        return self.Ticket.search([("partner_id.commercial_partner_id", "=", self.company_a.id)])

    # approved contacts -------------------------------------------------------
    def test_approved_contacts_by_portal_form(self):
        self.authenticate("alpha", "alpha")  # alpha is not approved
        response = self._send("service", self._incident())
        self.assertIn("Marie Approuvée", response.text)
        self.assertFalse(self._created())

    def test_approved_contacts_by_model(self):
        with self.assertRaisesRegex(UserError, "Marie Approuvée"):
            self.Ticket.with_user(self.user_a).sudo().create(
                {"name": "Sujet", "description": "<p>x</p>"}
            )

    def test_approved_contacts_by_mail_gateway(self):
        self.walker.lang = "fr_FR"
        self.assertFalse(self._receive("Paul Passant <paul@x.example>", "Carte vide"))
        self.assertFalse(self._created())
        refusal = self.env["mail.mail"].search([("email_to", "ilike", "paul@x.example")])
        self.assertEqual(len(refusal), 1)
        self.assertIn("n'a pas ouvert de ticket", refusal.subject)
        self.assertIn("Marie Approuvée", refusal.body_html)

        ticket_id = self._receive("Marie <marie@x.example>", "Carte vide")
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual(ticket.partner_id, self.approver)
        self.assertEqual(ticket.support_star_level, "4")
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        )
        self.assertIn(self.approver, ticket.message_partner_ids)
        ack = self._acknowledgment(ticket)
        self.assertIn(self.approver, ack.recipient_ids, "acknowledgment with the number")

    def test_approved_contacts_by_xmlrpc(self):
        with self.assertRaises(xmlrpc.client.Fault), mute_logger("odoo.http"):
            self._xmlrpc("alpha", "helpdesk.ticket", "create", {"name": "RPC", "description": "x"})
        self.assertFalse(self._created(), "portal users have no right to create tickets by RPC")

    # hourly limit --------------------------------------------------------------
    def test_hourly_limit_by_model(self):
        portal_env = self.Ticket.with_user(self.user_b).sudo()
        for number in range(2):
            portal_env.create({"name": f"Sujet {number}", "description": "<p>x</p>"})
        with self.assertRaisesRegex(UserError, "in the last hour"):
            portal_env.create({"name": "Sujet 3", "description": "<p>x</p>"})
        self.assertEqual(len(self._tickets(self.contact_b)), 2)

    def test_hourly_limit_by_mail_gateway(self):
        for number in range(3):
            self._receive("Marie <marie@x.example>", f"Problème {number}", body=f"texte {number}")
        self.assertEqual(len(self._tickets(self.approver)), 2)
        refusal = self._refusals("marie@x.example")
        self.assertEqual(len(refusal), 1)
        self.assertIn("dernière heure", refusal.body_html, "in Marie's language")

    def test_emails_in_a_customers_name_leave_its_portal_tickets(self):
        """A From: proves nothing: e-mails sent in a contact's name (spoofed or not) use
        up the e-mail door's hourly tickets, never the ones it opens on the portal."""
        self.contact_b.email = "beta@x.example"
        for number in range(3):
            self._receive("Beta <beta@x.example>", f"Usurpé {number}", body=f"texte {number}")
        self.assertEqual(len(self._tickets(self.contact_b)), 2, "the e-mail door's limit")
        portal_env = self.Ticket.with_user(self.user_b).sudo()
        for number in range(2):
            portal_env.create({"name": f"Sur le portail {number}", "description": "<p>x</p>"})
        self.assertEqual(len(self._tickets(self.contact_b)), 4)
        with self.assertRaisesRegex(UserError, "in the last hour"):
            portal_env.create({"name": "Un de trop", "description": "<p>x</p>"})

    def test_hourly_limit_counts_committed_tickets_of_other_transactions(self):
        """The count reads what other transactions committed after this one began."""
        partner = self.contact_b
        self.assertEqual(self.Ticket._customer_recent_count(partner), 0)
        self._ticket(partner)
        self.env.cr.precommit.data.pop("customer_portal_tickets.recent", None)
        self.assertEqual(self.Ticket._customer_recent_count(partner), 1)

    # files ---------------------------------------------------------------------
    def test_files_by_mail_gateway_are_dropped_and_listed(self):
        ticket_id = self._receive(
            "Marie <marie@x.example>",
            "Capture",
            attachments=[("screen.png", PNG), ("outil.exe", EXE), ("faux.pdf", EXE)],
        )
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["screen.png"])
        self.assertIn("outil.exe: programs cannot be attached.", self._bodies(ticket))
        self.assertIn("faux.pdf", self._bodies(ticket))

    def test_files_of_an_email_reply_are_checked(self):
        ticket = self._ticket(self.approver)
        self.env["mail.thread"].message_process(
            "helpdesk.ticket",
            (
                f"From: Marie <marie@x.example>\nTo: {ticket.number}@x.example\n"
                f"Subject: Re: {ticket.number}\nMessage-ID: <reply-files@x.example>\n"
                'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
                "--b\nContent-Type: text/plain\n\nVoici\n"
                '--b\nContent-Type: application/octet-stream; name="x.exe"\n'
                'Content-Disposition: attachment; filename="x.exe"\n'
                "Content-Transfer-Encoding: base64\n\nTVqQAA==\n--b--\n"
            ).encode(),
            thread_id=ticket.id,
        )
        self.assertIn("Voici", self._bodies(ticket))
        self.assertFalse(ticket.attachment_ids)
        self.assertIn("x.exe: programs cannot be attached.", self._bodies(ticket))

    def test_files_by_xmlrpc_message_post(self):
        ticket = self._ticket(self.contact_b)
        with self.assertRaises(xmlrpc.client.Fault) as caught, mute_logger("odoo.http"):
            self._xmlrpc(
                "beta",
                "helpdesk.ticket",
                "message_post",
                [ticket.id],
                body="voir pièce",
                message_type="comment",
                attachments=[["outil.exe", "MZ\x90"]],
            )
        self.assertIn("programs cannot be attached", caught.exception.faultString)
        self.assertFalse(ticket.attachment_ids)

    def test_files_by_chatter_upload(self):
        ticket = self._ticket(self.contact_b)
        self.authenticate("beta", "beta")
        self.assertIn("programs cannot be attached", self._upload(ticket, "a.exe", EXE)["error"])
        self.assertIn("larger than 1 MB", self._upload(ticket, "big.png", PNG * 20000)["error"])
        self.assertNotIn("error", self._upload(ticket, "screen.png", PNG))

    def test_upload_to_what_has_no_chatter_is_refused_in_words(self):
        ticket = self._ticket(self.contact_b)
        self.authenticate("beta", "beta")
        csrf = self._page_csrf(f"/my/ticket/{ticket.id}")
        for model in ("mail.compose.message", "no.such.model", "res.users.log"):
            with self.subTest(model=model), mute_logger("odoo.http"):
                response = self.url_open(
                    "/mail/attachment/upload",
                    data={"thread_id": "0", "thread_model": model, "csrf_token": csrf},
                    files=[("ufile", ("a.png", PNG, "image/png"))],
                )
                self.assertEqual(response.status_code, 200, "no server error")
                self.assertIn("does not exist or is not yours", response.json()["error"])

    # resolved lock -------------------------------------------------------------
    def test_resolved_lock_by_xmlrpc(self):
        ticket = self._ticket(self.contact_b, stage="done")
        with self.assertRaises(xmlrpc.client.Fault) as caught, mute_logger("odoo.http"):
            self._xmlrpc(
                "beta",
                "helpdesk.ticket",
                "message_post",
                [ticket.id],
                body="encore",
                message_type="comment",
            )
        self.assertIn("is resolved", caught.exception.faultString)
        self.assertNotIn("encore", self._bodies(ticket))

    def test_a_new_closed_stage_locks(self):
        stage = self.env["helpdesk.ticket.stage"].create(
            {"name": "Clos sans suite", "closed": True}
        )
        self.assertEqual(stage.portal_state, "resolved", "closed means resolved for customers")
        with self.assertRaises(ValidationError):
            stage.portal_state = "in_progress"
        ticket = self._ticket(self.contact_b)
        ticket.stage_id = stage
        self.authenticate("beta", "beta")
        with mute_logger("odoo.http"):
            self.assertIn("is resolved", str(self._post(ticket, "encore")))
        self.assertNotIn("encore", self._bodies(ticket))
        stage.closed = False
        self.assertEqual(stage.portal_state, "in_progress")

    # text --------------------------------------------------------------------------
    def test_text_by_mail_gateway_is_cleaned_and_cut(self):
        ticket = self.Ticket.browse(
            self._receive("Marie <marie@x.example>", "Sujet " + "x" * 300, body="a\x00b")
        )
        self.assertEqual(len(ticket.name), 200)
        self.assertNotIn("\x00", ticket.description)

    def test_text_by_model(self):
        portal_env = self.Ticket.with_user(self.user_b).sudo()
        with self.assertRaisesRegex(ValidationError, "keep it under 200"):
            portal_env.create({"name": "x" * 100_000, "description": "<p>x</p>"})
        ticket = portal_env.create({"name": "a\x00b", "description": "<p>c\x00d</p>"})
        self.assertEqual(ticket.name, "ab")
        self.assertEqual(ticket.partner_id, self.contact_b, "always the portal user's contact")

    # acknowledgments ----------------------------------------------------------------
    def test_acknowledgments_sent_in_batches_once_each_a_failure_not_retried(self):
        # No other acknowledgment owed in the database (committed by other tests).
        self.Ticket.search([("acknowledgment_pending", "=", True)]).acknowledgment_pending = False
        # As the forms create them: as the portal user, with sudo (the customer's rules).
        portal_env = self.env(user=self.user_b, su=True)
        tickets = portal_env["helpdesk.ticket"].create(
            [{"name": f"Demande {n}", "description": "<p>x</p>"} for n in range(2)]
        )
        self.assertEqual(tickets.mapped("acknowledgment_pending"), [True] * 2)
        Mail = self.env["mail.mail"]
        self.assertFalse(
            Mail.search([("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)])
        )
        cron = self.env.ref("customer_portal_tickets.ir_cron_send_acknowledgments")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "=", cron.id)])
        self.Ticket._cron_send_acknowledgments(limit=1)
        self.assertEqual(tickets.mapped("acknowledgment_pending"), [False, True])
        self.assertEqual(
            Trigger.search_count([("cron_id", "=", cron.id)]), before + 1, "the rest next"
        )
        # A template that fails to render: logged, the ticket not retried for ever.
        template = self.env.ref("customer_portal_tickets.mail_template_ticket_received")
        template.subject = "{{ object.no_such_field }}"
        with mute_logger("odoo.addons.customer_portal_tickets.models.helpdesk_ticket"):
            self.Ticket._cron_send_acknowledgments(limit=1)
        self.assertFalse(tickets[1].acknowledgment_pending)
        for ticket, sent in zip(tickets, (1, 0), strict=True):
            mails = Mail.search([("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
            self.assertEqual(len(mails), sent, ticket.name)
        self.Ticket._cron_send_acknowledgments()
        self.assertEqual(
            Mail.search_count([("res_id", "in", tickets.ids), ("model", "=", "helpdesk.ticket")]), 1
        )

    # unknown senders -------------------------------------------------------------
    def test_unknown_senders_follow_the_company_setting(self):
        ticket = self.Ticket.browse(self._receive("Inconnu <inconnu@ailleurs.example>", "Devis"))
        self.assertFalse(ticket.partner_id)
        self.assertIn("inconnu@ailleurs.example", ticket.partner_email)
        self.assertEqual(ticket.partner_name, "Inconnu")
        self.assertTrue(self._acknowledgment(ticket))

        self.env.company.portal_ticket_unknown_senders = "refuse"
        self.assertFalse(self._receive("Autre <autre@ailleurs.example>", "Devis"))
        self.assertTrue(self._refusals("autre@ailleurs.example"))

    def test_automatic_messages_get_no_answer(self):
        self.env.company.portal_ticket_unknown_senders = "refuse"
        self._receive(
            "Robot <robot@ailleurs.example>", "Absent", headers="Auto-Submitted: auto-replied\n"
        )
        self.assertFalse(
            self._refusals("robot@ailleurs.example"), "no answer to an automatic answer"
        )
        self._receive("Robot <robot@ailleurs.example>", "Devis")
        self.assertEqual(len(self._refusals("robot@ailleurs.example")), 1)

    # backend -------------------------------------------------------------------------
    def test_backend_ticket_gets_routing_and_star_level(self):
        technician = new_test_user(
            self.env, login="tech", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        department = self.env.ref("customer_portal_tickets.department_accounting")
        ticket = self.Ticket.with_user(technician).create(
            {
                "name": "Appel",
                "description": "<p>au téléphone</p>",
                "partner_id": self.walker.id,
                "ticket_kind": "administrative",
                "department_id": department.id,
            }
        )
        self.assertEqual(ticket.team_id, department.team_id)
        self.assertEqual(ticket.support_star_level, "4")

    # departments ---------------------------------------------------------------------
    def test_archived_or_foreign_departments_are_refused(self):
        other_company = self.env["res.company"].create({"name": "Autre société"})
        foreign_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Foreign", "company_id": other_company.id}
        )
        foreign = self.env["customer.portal.department"].create(
            {"name": "Étranger", "team_id": foreign_team.id}
        )
        archived = self.env.ref("customer_portal_tickets.department_sales")
        archived.active = False
        self.authenticate("beta", "beta")
        form = self.url_open("/my/support/new/administrative").text
        self.assertNotIn("Étranger", form)
        self.assertNotIn(f'value="{archived.id}"', form)
        for department in (foreign, archived):
            response = self._send(
                "administrative",
                {
                    "department_id": str(department.id),
                    "contact_name": "B",
                    "contact_email": "beta@x.example",
                    "subject": "Facture",
                    "description": "Question",
                },
            )
            self.assertIn("Choose the department", response.text)
        self.assertFalse(self._tickets(self.contact_b))

    # reopen window -----------------------------------------------------------------
    def test_reopen_window_is_the_tickets_company(self):
        other_company = self.env["res.company"].create({"name": "Autre société"})
        other_company.portal_ticket_reopen_days = 0
        self.env.company.portal_ticket_reopen_days = 30
        ticket = self._ticket(self.contact_b, stage="done", company_id=other_company.id)
        ticket.company_id = other_company
        self.assertFalse(ticket._can_customer_reopen(), "0 days in its company: never")
        with self.assertRaises(UserError):
            ticket._reopen_by_customer(self.contact_b)
        self.assertTrue(ticket.closed)

    # pending files --------------------------------------------------------------
    def test_pending_files_expire(self):
        Attachment = self.env["ir.attachment"]
        old, recent = self.Ticket._store_customer_files([("old.png", PNG), ("new.png", PNG)])
        linked = self.Ticket._store_customer_files(
            [("kept.png", PNG)], self._ticket(self.contact_b)
        )
        self.env.cr.execute(
            "UPDATE ir_attachment SET create_date = %s WHERE id IN %s",
            [fields.Datetime.now() - timedelta(days=2), (old.id, linked.id)],
        )
        Attachment.invalidate_model(["create_date"])
        self.env.ref(
            "customer_portal_tickets.ir_cron_gc_pending_customer_files"
        ).method_direct_trigger()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
        self.assertTrue(linked.exists())

    # found by the attack review -------------------------------------------------------
    def _json(self, url, params):
        return self.url_open(
            url, data=json.dumps({"params": params}), headers={"Content-Type": "application/json"}
        ).json()

    def _pending_upload(self, user, name, data):
        """A file the user uploaded in some other chatter (an order's, say), waiting to
        be posted: what /mail/attachment/upload creates."""
        attachment = (
            self.env["ir.attachment"]
            .with_user(user)
            .sudo()
            .create({"name": name, "raw": data, "res_model": "mail.compose.message", "res_id": 0})
        )
        attachment.generate_access_token()
        return attachment

    def test_files_uploaded_elsewhere_follow_the_ticket_rules(self):
        ticket = self._ticket(self.contact_b)
        exe = self._pending_upload(self.user_b, "evil.exe", EXE)
        self.authenticate("beta", "beta")
        with mute_logger("odoo.http"):
            answer = self._json(
                "/mail/message/post",
                {
                    "thread_model": "helpdesk.ticket",
                    "thread_id": ticket.id,
                    "post_data": {
                        "body": "x",
                        "message_type": "comment",
                        "attachment_ids": [exe.id],
                    },
                    "attachment_tokens": [exe.access_token],
                },
            )
        self.assertIn("programs cannot be attached", json.dumps(answer))
        self.assertNotEqual((exe.res_model, exe.res_id), ("helpdesk.ticket", ticket.id))

    def test_any_message_type_is_a_customer_message(self):
        ticket = self._ticket(self.contact_b, stage="done")
        self.authenticate("beta", "beta")
        for message_type in ("notification", "auto_comment", "email_outgoing"):
            with self.subTest(message_type), mute_logger("odoo.http"):
                answer = self._json(
                    "/mail/message/post",
                    {
                        "thread_model": "helpdesk.ticket",
                        "thread_id": ticket.id,
                        "post_data": {
                            "body": f"sneak {message_type}",
                            "message_type": message_type,
                        },
                    },
                )
                self.assertIn("is resolved", json.dumps(answer))
        self.assertNotIn("sneak", self._bodies(ticket))

    def test_editing_a_message_follows_the_rules(self):
        ticket = self._ticket(self.contact_b)
        self.authenticate("beta", "beta")
        self._post(ticket, "Premier message")
        message = ticket.message_ids.filtered(lambda m: "Premier message" in (m.body or ""))
        ticket.stage_id = self.stages["done"]
        with mute_logger("odoo.http"):
            answer = self._json(
                "/mail/message/update_content",
                {"message_id": message.id, "body": "Réécrit après coup", "attachment_ids": []},
            )
        self.assertIn("is resolved", json.dumps(answer))
        self.assertNotIn("Réécrit", message.body)

    def test_staff_uploads_are_not_cut(self):
        ticket = self._ticket(self.contact_b)
        self.authenticate("admin", "admin")
        big = PNG + b"\x00" * (2 * 1024 * 1024)  # over the customers' 1 MB
        csrf = self._page_csrf("/odoo")
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "thread_id": str(ticket.id),
                "thread_model": "helpdesk.ticket",
                "csrf_token": csrf,
            },
            files=[("ufile", ("plan.png", big, "image/png"))],
        ).json()
        attachment = self.env["ir.attachment"].browse(response["data"]["ir.attachment"][0]["id"])
        self.assertEqual(attachment.file_size, len(big), "a staff file is kept whole")

    def test_pending_files_per_customer_are_limited(self):
        self.env.company.portal_ticket_max_files = 2
        self.authenticate("beta", "beta")
        files = [("attachments", (f"f{i}.png", PNG, "image/png")) for i in range(2)]
        for _attempt in range(3):
            page = self._send("service", {"subject": "", "description": "x"}, files=files)
        pending = self.env["ir.attachment"].search_count(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", 0),
                ("create_uid", "=", self.user_b.id),
            ]
        )
        self.assertEqual(pending, 4, "twice the files of a message")
        self.assertIn("were not kept", page.text)

    def test_nul_in_email_subject_and_file_names(self):
        ticket_id = self._receive(
            "Marie <marie@x.example>",
            "=?utf-8?q?enc=00oded?=",
            attachments=[("a\x00b.png", PNG)],
        )
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual(ticket.name, "encoded")
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["ab.png"])

    # technicians ---------------------------------------------------------------------
    def test_technicians_find_a_caller_by_part_of_its_access_code(self):
        technician = new_test_user(
            self.env, login="tech_lookup", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        self.company_a.sudo().support_access_code = "K7QF-M2XR"
        Partner = self.env["res.partner"].with_user(technician)
        for typed in ("K7QF-M2XR", "k7qfm2xr", "7qf-m", "m2xr"):
            with self.subTest(typed=typed):
                found = Partner.search([("support_access_code_lookup", "ilike", typed)])
                self.assertEqual(found, self.company_a)
        # The ticket's customer field searches names and codes.
        self.assertIn(self.company_a.id, [pid for pid, _n in Partner.name_search("QF-M2")])
        menu = self.env.ref("customer_portal_tickets.helpdesk_customers_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(technician)._visible_menu_ids())

    def test_no_technical_user_in_charge_and_closing_date_at_creation(self):
        self.env.company.helpdesk_mgmt_ticket_auto_assign = True
        odoobot = self.env.ref("base.user_root")
        ticket = self.Ticket.with_user(odoobot).create(
            {"name": "Par un script", "description": "<p>x</p>", "partner_id": self.contact_b.id}
        )
        self.assertFalse(ticket.user_id, "OdooBot is nobody's technician")
        closed = self._ticket(self.contact_b, stage="done")
        self.assertTrue(closed.closed_date)
