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
        if (
            self.env.user.share
            and not self.env.su
            and not self.env.context.get(CUSTOMER_EDIT)
            and set(vals) - CUSTOMER_WRITABLE
        ):
            raise AccessError(self.env._("You cannot change this message."))
        return super().write(vals)
