from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import email_normalize

from ..tools.locked_count import count_under_lock

# At most one automatic answer (a refusal, "this ticket is resolved") per address in
# this time: a spoofed sender, or two robots answering each other, get one.
AUTO_ANSWER_INTERVAL = timedelta(hours=1)


class HelpdeskTicketAutoAnswer(models.Model):
    _name = "helpdesk.ticket.auto.answer"
    _description = "Automatic Answer of the Helpdesk"
    _order = "id desc"

    email_normalized = fields.Char(string="Address", required=True, index=True, readonly=True)
    kind = fields.Selection(
        [
            ("refusal", "Message that opened no ticket"),
            ("locked", "Reply to a resolved ticket"),
            ("acknowledgment", "Ticket of an unknown address"),
        ],
        required=True,
        readonly=True,
    )

    @api.model
    def _reserve(self, email, kind):
        """Whether the helpdesk may answer ``email`` automatically now, recording the
        answer when it may: at most one per address per ``AUTO_ANSWER_INTERVAL``,
        counted under the address's lock (concurrent gateways wait for each other)."""
        email = email_normalize(email or "")
        if not email:
            return False
        self.flush_model()
        since = fields.Datetime.now() - AUTO_ANSWER_INTERVAL
        count = count_under_lock(
            self.env,
            f"helpdesk.ticket.auto.answer/{email}",
            "SELECT id FROM helpdesk_ticket_auto_answer"
            " WHERE email_normalized = %s AND create_date >= %s",
            [email, since],
        )
        if count:
            return False
        self.sudo().create({"email_normalized": email, "kind": kind})
        return True

    @api.autovacuum
    def _gc_auto_answers(self):
        """Only the last interval counts: older rows go."""
        since = fields.Datetime.now() - AUTO_ANSWER_INTERVAL
        self.sudo().search([("create_date", "<", since)]).unlink()
