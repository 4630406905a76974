from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

# The signature pad sends its canvas as a PNG (base64): far less than this.
SIGNATURE_REQUEST_MAX = 5 * 1024 * 1024


class TechnicianPortal(CustomerPortal):
    """The customer signs a ticket from its portal page (portal.signature_form). The
    rules are the ticket model's."""

    @http.route(
        ["/my/ticket/<int:ticket_id>/sign"],
        type="json",
        auth="user",
        website=True,
        max_content_length=SIGNATURE_REQUEST_MAX,
        too_large_answer="result",  # {"error": message}, as the signing widget reads it
    )
    def portal_ticket_sign(self, ticket_id, name=None, signature=None, **kw):
        try:
            self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return {"error": request.env._("This ticket is not yours.")}
        # As the customer (the rules know who signs), past the record rules just checked.
        ticket = request.env["helpdesk.ticket"].sudo().browse(ticket_id)
        if not isinstance(name, str | None) or not isinstance(signature, str | None):
            return {"error": request.env._("The signature could not be read.")}
        error = ticket._sign_by_customer(name, signature)
        if error:
            return {"error": error}
        return {
            "force_refresh": True,
            "redirect_url": ticket.get_portal_url(query_string="&signed=1"),
        }
