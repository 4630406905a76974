"""What the ticket tests share: two customer companies with a portal contact each,
supported software, the technical team with a mail alias, built once per class."""

import base64
import json

from odoo.addons.customer_portal_subscription.tests.common import SubscriptionCaseMixin
from odoo.tests import HttpCase

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%test\n"
EXE = b"MZ\x90\x00" + b"\x00" * 64
ALIAS = "support-test"
ALIAS_DOMAIN = "helpdesk.example.com"


class TicketCase(SubscriptionCaseMixin, HttpCase):
    """HTTP cases on tickets. alpha (Alpha Transports, 4 stars, Fleet Manager) and beta
    (Beta Logistique, Tachograph Reader) have a portal login each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls.software = cls.env["product.product"].create(
            {
                "name": "Fleet Manager",
                "type": "service",
                "is_supported_software": True,
                "documentation_manual_url": "https://docs.example.com/manual",
            }
        )
        cls.other_software = cls.env["product.product"].create(
            {"name": "Tachograph Reader", "type": "service", "is_supported_software": True}
        )
        cls._setup_two_customers()
        cls._subscription(cls.company_a, cls.software, cls.plans["4"])
        cls._subscription(cls.company_b, cls.other_software)
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.team = cls.env.ref("customer_portal_tickets.team_technical")
        cls.stages = {
            name: cls.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{name}")
            for name in ("new", "in_progress", "awaiting", "done")
        }
        domain = cls.env["mail.alias.domain"].create({"name": ALIAS_DOMAIN})
        cls.env.company.alias_domain_id = domain
        cls.team.write({"alias_name": ALIAS, "alias_domain_id": domain.id})

    # tickets ---------------------------------------------------------------
    def _acknowledgment(self, ticket):
        """The acknowledgment e-mail of ``ticket``, as the customer gets it: owed and its
        sending scheduled when the ticket was created, not rendered in the request that
        created it, then queued by the scheduled action (run here as the cron runs it)."""
        cron = self.env.ref("customer_portal_tickets.ir_cron_send_acknowledgments")
        mails = self.env["mail.mail"]
        domain = [("subject", "ilike", ticket.number)]
        self.assertTrue(ticket.acknowledgment_pending, "acknowledgment owed")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.assertFalse(mails.search(domain), "not rendered while the customer waits")
        cron.method_direct_trigger()
        self.assertFalse(ticket.acknowledgment_pending, "sent once")
        acknowledgments = mails.search(domain)
        for mail in acknowledgments:
            # An automatic answer (RFC 3834): no responder answers it.
            self.assertIn("'Auto-Submitted': 'auto-replied'", mail.headers or "")
        return acknowledgments

    def _tickets(self, partner):
        return self.Ticket.search([("partner_id", "=", partner.id)])

    @classmethod
    def _ticket(cls, partner, name="Carte vide", stage="in_progress", **values):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": "<p>details</p>",
                "partner_id": partner.id,
                "team_id": cls.team.id,
                "stage_id": cls.stages[stage].id,
                **values,
            }
        )

    # portal forms ----------------------------------------------------------
    def _incident(self, **extra):
        return {
            "subject": "Les positions GPS ne remontent plus",
            "description": "Depuis ce matin la carte est vide.\nDouze véhicules concernés.",
            "urgency": "serious",
            "product_id": str(self.software.id),
            **extra,
        }

    def _send(self, kind, data, files=None, csrf=True, query=""):
        """Post a ticket form as the logged-in user, with the CSRF token of its page."""
        url = f"/my/support/new/{kind}{query}"
        form = self.url_open(url)
        self.assertEqual(form.status_code, 200)
        payload = dict(data)
        if csrf:
            payload["csrf_token"] = self._csrf(form.text)
        return self.url_open(url, data=payload, files=files or [])

    # chatter ---------------------------------------------------------------
    def _post(self, ticket, body):
        """A message in the portal chatter of ``ticket``; the JSON-RPC answer."""
        payload = {
            "params": {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket.id,
                "post_data": {
                    "body": body,
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            }
        }
        return self.url_open(
            "/mail/message/post",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        ).json()

    def _upload(self, ticket, name, data):
        """A file added in the portal chatter of ``ticket``; the JSON answer."""
        csrf = self._page_csrf(f"/my/ticket/{ticket.id}")
        return self.url_open(
            "/mail/attachment/upload",
            data={
                "thread_id": str(ticket.id),
                "thread_model": "helpdesk.ticket",
                "csrf_token": csrf,
            },
            files=[("ufile", (name, data, "application/octet-stream"))],
        ).json()

    @staticmethod
    def _bodies(ticket):
        return " ".join(ticket.message_ids.mapped("body"))

    # mail gateway ----------------------------------------------------------
    def _receive(
        self, sender, subject, body="Bonjour,\nla carte est vide.", attachments=(), headers=""
    ):
        """Pass a real RFC 2822 message to the mail gateway, as fetchmail does; returns
        the id of the ticket it opened, if any."""
        boundary = "----=_Part_test"
        parts = [
            f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n",
        ]
        for name, data in attachments:
            encoded = base64.b64encode(data).decode()
            parts.append(
                f'--{boundary}\nContent-Type: application/octet-stream; name="{name}"\n'
                f'Content-Disposition: attachment; filename="{name}"\n'
                f"Content-Transfer-Encoding: base64\n\n{encoded}\n"
            )
        message = (
            f"From: {sender}\nTo: {ALIAS}@{ALIAS_DOMAIN}\nSubject: {subject}\n{headers}"
            f"Message-ID: <{abs(hash((sender, subject, body)))}@x.example>\n"
            f'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="{boundary}"\n\n'
            + "".join(parts)
            + f"--{boundary}--\n"
        )
        return self.env["mail.thread"].message_process(False, message.encode())

    def _refusals(self, email):
        """Automatic answers to e-mails that opened no ticket, sent to ``email``."""
        return self.env["mail.mail"].search(
            [("email_to", "ilike", email), ("headers", "ilike", "auto-replied")]
        )

    # XML-RPC ---------------------------------------------------------------
    def _xmlrpc(self, login, model, method, *args, **kwargs):
        """Call ``model.method`` over XML-RPC as ``login`` (with the password
        ``new_test_user`` gives it)."""
        password = login + "x" * (8 - len(login))
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, password, {})
        self.assertTrue(uid, f"{login} could not log in over XML-RPC")
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, uid, password, model, method, list(args), kwargs
        )
