from werkzeug.exceptions import NotFound

from odoo import models
from odoo.exceptions import AccessError

from .mail_thread import CUSTOMER_EDIT

# What a customer may change on a message by itself: its star.
CUSTOMER_WRITABLE = {"starred_partner_ids"}


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _is_read_by_customers(self):
        """Whether this message is one a customer reads in a chatter: not internal, with
        a subtype that is not (mail.message's own filter for share users)."""
        self.ensure_one()
        # sudo: mail.message - the message's own flags, for mail's routes which use sudo
        return bool(self.sudo().filtered_domain(self._get_search_domain_share()))

    def _get_forbidden_access(self, operation):
        """mail.message hides internal notes from non-employees only when they are
        comments: a note kept from an e-mail (message_type "email", a stranger's reply)
        was read by id by the ticket's customer. On a ticket, a non-employee reads
        what its chatter shows, and nothing else."""
        forbidden = super()._get_forbidden_access(operation)
        if self.env.user._is_internal() or operation not in ("read", "write"):
            return forbidden
        hidden = (
            (self - forbidden)
            .sudo()
            .filtered(lambda m: m.model == "helpdesk.ticket" and not m._is_read_by_customers())
        )
        return forbidden + self.browse(hidden.ids)

    def _message_reaction(self, content, action, partner, guest, store=None):
        """A share user (portal, public, under mail's sudo too) reacts only to messages
        it reads; to another, as to a message that does not exist (mail's route answers
        404 for those: the answer tells nothing of which ids exist)."""
        if self.env.user.share and not self._is_read_by_customers():
            raise NotFound()
        return super()._message_reaction(content, action, partner, guest, store=store)

    def write(self, vals):
        """A customer changes a message only through the chatter's edit
        (``mail.thread._message_update_content``, which checks author, text and files):
        a write of its own over JSON-RPC or XML-RPC could give its message another
        author, a text past the limit, or make it internal (portal's
        /mail/update_is_internal)."""
        if self.env.user.share and not self.env.su:
            if not self.env.context.get(CUSTOMER_EDIT) and set(vals) - CUSTOMER_WRITABLE:
                raise AccessError(self.env._("You cannot change this message."))
            if "starred_partner_ids" in vals and not self._stars_own(vals["starred_partner_ids"]):
                raise AccessError(self.env._("You can only star a message for yourself."))
        if "partner_ids" in vals and self.env.context.get("from_alias"):
            # The mail gateway writes the known addresses of an e-mail's To and Cc as its
            # recipients once posted (mail.thread._message_route_process): a recipient
            # reads the message. On a ticket, only those who read the ticket may.
            vals = dict(vals, partner_ids=self._ticket_gateway_recipients(vals["partner_ids"]))
        return super().write(vals)

    def _stars_own(self, commands):
        """Whether ``commands`` (of starred_partner_ids) add or remove the user only."""
        own = self.env.user.partner_id.id
        for command in commands or []:
            if not isinstance(command, list | tuple) or len(command) < 2:
                return False
            if command[0] in (3, 4) and command[1] == own:
                continue
            return False
        return True

    def _ticket_gateway_recipients(self, partner_ids):
        """Of the ids ``partner_ids`` the mail gateway would make recipients of these
        messages, those who may read them: on a ticket, support staff, and for a message
        customers read, those the ticket takes as its customer
        (``helpdesk.ticket._is_customer_sender``); elsewhere, all."""
        if not all(isinstance(pid, int) for pid in partner_ids or []):
            return partner_ids
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        kept = partners
        for message in self.sudo().filtered(lambda m: m.model == "helpdesk.ticket"):
            ticket = self.env["helpdesk.ticket"].sudo().browse(message.res_id).exists()
            public = bool(ticket) and message._is_read_by_customers()
            kept &= partners.filtered(
                lambda p, ticket=ticket, public=public: p._is_support_staff()
                or (public and ticket._is_customer_sender(p, p.email_normalized))
            )
        return kept.ids
