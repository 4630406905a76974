from odoo import models
from odoo.http import request

from ..tools.file_policy import CappedSpool


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The JavaScript terms the portal pages use: auth_totp_portal's two-factor
        dialog ("Activate") and ours. Odoo sends the portal only the terms of the
        modules listed here, and auth_totp_portal does not list itself."""
        return super()._get_translation_frontend_modules_name() + [
            "auth_totp_portal",
            "customer_portal_tickets",
        ]

    @classmethod
    def _pre_dispatch(cls, rule, args):
        result = super()._pre_dispatch(rule, args)
        mode = rule.endpoint.routing.get("customer_files")
        if mode and request.env.user.share:
            cls._accept_customer_files(cut=mode == "cut")
        return result

    @classmethod
    def _accept_customer_files(cls, cut):
        """Before the body of a route that takes customers' files is read: files up to
        the company's maximum size reach the checks (Odoo's parser stops at 10 MB
        otherwise). With ``cut`` (a route that checks every file's size itself), each
        file is also kept only up to just past that size, so a larger one costs nothing
        and comes back with its message, the form intact."""
        company = request.env.company
        limit = company._portal_ticket_body_limit()
        httprequest = request.httprequest._HTTPRequest__wrapped
        httprequest.max_content_length = limit
        httprequest.max_form_memory_size = limit
        if not cut:
            return
        cap = company.portal_ticket_max_file_size * 1024 * 1024 + 1

        def file_stream(total_content_length, content_type, filename=None, content_length=None):
            return CappedSpool(cap)

        httprequest._get_file_stream = file_stream
