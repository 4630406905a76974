from odoo import api, models

from .mail_thread import customer_message_domain


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """A user holds its contact's chatter by delegation (``message_ids``...): a share
        user's search on it matches the messages it reads only, as on every chatter
        (``mail.thread._search``)."""
        # The domain first: reading the user searches res.users.
        narrowed = not self.env.su and customer_message_domain(self, domain)
        if narrowed and self.env.user.share:
            domain = narrowed
        return super()._search(domain, offset=offset, limit=limit, order=order)
