from odoo.addons.portal.controllers.thread import ThreadController
from odoo.addons.portal.utils import get_portal_partner
from odoo.http import request

from ..models.mail_thread import POST_MARK, CustomerPost


class CustomerThreadController(ThreadController):
    """mail's /mail/message/post posts with sudo: for a customer it says so to
    message_post (``mail.thread._prepare_customer_post`` applies the customer's rules),
    with, for an anonymous visitor, the partner its portal link's token identifies."""

    def _prepare_post_data(self, post_data, thread, **kwargs):
        post_data = super()._prepare_post_data(post_data, thread, **kwargs)
        user = request.env.user
        if user.share:
            author = None
            if user._is_public():
                author = get_portal_partner(
                    thread, kwargs.get("hash"), kwargs.get("pid"), kwargs.get("token")
                )
            post_data[POST_MARK] = CustomerPost(author.id if author else None)
        return post_data
