from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.http import request


class HelpdeskFormRedirect(HelpdeskTicketController):
    """helpdesk_mgmt's own portal form would skip the pages of our forms (the technical
    assistance page, the department choice): its routes send customers to the technical
    assistance page instead, and create nothing."""

    @http.route()
    def create_new_ticket(self, **kw):
        return request.redirect("/my/support")

    @http.route()
    def submit_ticket(self, **kw):
        return request.redirect("/my/support")

    @http.route()
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt's "close" buttons: the customer marks its ticket resolved. The
        original looks the ticket up with sudo and no access check; here the user must be
        able to read the ticket, and the stage must be one customers may close to."""
        ticket_id, stage_id = to_id(kw.get("ticket_id")), to_id(kw.get("stage_id"))
        # A state change, so a POST with its CSRF token (checked by Odoo), not a link.
        if request.httprequest.method != "POST" or not (ticket_id and stage_id):
            return request.redirect("/my/tickets")
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).exists()
        if not ticket or not ticket.has_access("read"):
            return request.redirect("/my/tickets")
        ticket = ticket.sudo()
        stage = ticket.team_id._get_applicable_stages().filtered(
            lambda s: s.id == stage_id and s.close_from_portal
        )
        if stage and not ticket.closed:
            ticket.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket.id}")
