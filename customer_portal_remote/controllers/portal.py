from odoo import http
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from ..tools.remote_ids import SYSTEMS, system_of

# A form sent back with an error keeps what was typed here until the ticket page shows it.
SESSION_KEY = "customer_portal_remote_form"


class RemotePortal(CustomerPortal):
    """The remote-maintenance page (/my/remote) and the hand-over of a session on a
    ticket. The rules are the ticket model's."""

    @http.route(["/my/remote"], type="http", auth="user", website=True)
    def portal_remote(self, **kw):
        system = system_of(request.httprequest.user_agent.platform)
        ordered = [system] if system in SYSTEMS else []
        ordered += [s for s in SYSTEMS if s not in ordered]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "remote",
                "tools": request.env.company.sudo()._remote_tools(),
                "system": system,
                "systems": ordered,
            }
        )
        return request.render("customer_portal_remote.portal_remote", values)

    @http.route(
        ["/my/ticket/<int:ticket_id>/remote"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=False,  # checked below, to come back to the ticket with a message
    )
    def portal_ticket_remote(self, ticket_id, **post):
        try:
            ticket = self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tickets")
        form = {key: str(post.get(key) or "")[:100] for key in ("tool", "code")}
        consent = bool(post.get("consent"))
        errors = {}
        if not request.validate_csrf(post.get("csrf_token")):
            errors["form"] = request.env._(
                "Your session has expired or the form did not come from this page. Nothing "
                "was sent: send it again."
            )
        else:
            errors = ticket._remote_request_errors(form["tool"], form["code"], consent)
        if not errors:
            try:
                with request.env.cr.savepoint():
                    ticket._request_remote_session(
                        form["tool"],
                        form["code"],
                        consent,
                        request.env.user.partner_id,
                        request.httprequest.remote_addr,
                    )
            except UserError as error:
                errors["form"] = str(error)
        if errors:
            request.session[SESSION_KEY] = {
                "ticket_id": ticket.id,
                "errors": errors,
                **form,
                "consent": consent,
            }
        return request.redirect(f"/my/ticket/{ticket.id}#remote_session")


class RemoteTicketPage(CustomerPortalHelpdesk):
    """The ticket page shows the pending remote session and the hand-over form."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        form = request.session.pop(SESSION_KEY, None)
        if not form or form.get("ticket_id") != ticket.id:
            form = {}
        values.update(
            {
                "remote_form": form,
                "remote_session": ticket.sudo()._remote_pending_session(),
                "remote_tools": ticket.sudo().company_id._remote_tools(),
            }
        )
        return values
