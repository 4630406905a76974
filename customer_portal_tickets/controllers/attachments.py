from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.portal.controllers.attachment import PortalAttachmentController
from odoo.exceptions import UserError
from odoo.http import request

from ..models.mail_thread import CUSTOMER_FILES


class TicketAttachmentUpload(PortalAttachmentController):
    """Files customers add in a chatter (a ticket's, an order's, an invoice's, a
    subscription's) follow the file policy, checked where mail creates them
    (``ir.attachment.create``, told here that they are a customer's), and a resolved
    ticket takes none (``helpdesk.ticket._check_customer_upload``)."""

    @http.route(customer_files="raise")
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        if not request.env.user.share:
            return super().mail_attachment_upload(
                ufile, thread_id, thread_model, is_pending, **kwargs
            )
        Model = request.env.get(thread_model) if isinstance(thread_model, str) else None
        if Model is None or not hasattr(Model, "_get_thread_with_access"):
            # Not a document with a chatter (mail answered with a server error).
            return request.make_json_response(
                {"error": request.env._("This document does not exist or is not yours.")}
            )
        if thread_model == "helpdesk.ticket":
            ticket = request.env["helpdesk.ticket"].browse(to_id(thread_id) or []).exists()
            if not ticket or not ticket.has_access("read"):
                return request.make_json_response(
                    {"error": request.env._("This ticket does not exist or is not yours.")}
                )
            data = ufile.read()
            ufile.seek(0)
            error = ticket.sudo()._check_customer_upload(ufile.filename or "", data)
            if error:
                return request.make_json_response({"error": error})
        request.update_context(**{CUSTOMER_FILES: True})
        try:
            with request.env.cr.savepoint():
                return super().mail_attachment_upload(
                    ufile, thread_id, thread_model, is_pending, **kwargs
                )
        except UserError as error:
            return request.make_json_response({"error": error.args[0]})
