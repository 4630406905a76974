from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.portal.controllers.attachment import PortalAttachmentController
from odoo.http import request


class TicketAttachmentUpload(PortalAttachmentController):
    """Files customers add in a ticket's chatter follow the same rules as the forms', and
    a resolved ticket takes none (``helpdesk.ticket._check_customer_upload``)."""

    @http.route(customer_files="raise")
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        if thread_model == "helpdesk.ticket" and request.env.user.share:
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
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending, **kwargs)
