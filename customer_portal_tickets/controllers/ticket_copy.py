from odoo import Command, http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

# The refusal of a change of the copy, kept here until the ticket page shows it.
SESSION_KEY = "customer_portal_tickets_copy_error"


class TicketCopyPortal(CustomerPortalHelpdesk):
    """The contacts in copy of a ticket, on its page: a contact of the ticket's company
    puts colleagues in copy or takes them out. The rules are the ticket model's."""

    @http.route(
        ["/my/ticket/<int:ticket_id>/copy"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_ticket_copy(self, ticket_id, add_partner_id=None, remove_partner_id=None, **kw):
        try:
            ticket = self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tickets")
        Partner = request.env["res.partner"].sudo()
        add = Partner.browse(to_id(add_partner_id)).exists()
        remove = Partner.browse(to_id(remove_partner_id)).exists()
        commands = [Command.link(p.id) for p in add] + [Command.unlink(p.id) for p in remove]
        error = None
        if not commands:
            error = request.env._("Choose a colleague to put in copy.")
        else:
            # As the customer (the rules know who changes the copy), past the record rules
            # just checked: _document_check_access gave the ticket as the superuser.
            as_customer = request.env["helpdesk.ticket"].sudo().browse(ticket.id)
            try:
                with request.env.cr.savepoint():
                    as_customer.write({"cc_partner_ids": commands})
            except ValidationError as refusal:
                error = refusal.args[0]
        if error:
            request.session[SESSION_KEY] = {"ticket_id": ticket.id, "error": error}
        return request.redirect(f"/my/ticket/{ticket.id}#o_ticket_copy")

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        state = request.session.pop(SESSION_KEY, None) or {}
        user = request.env.user
        editable = user.share and not user._is_public()
        editable = editable and ticket._portal_copy_editable(user.partner_id)
        values.update(
            {
                "copy_error": state.get("error") if state.get("ticket_id") == ticket.id else None,
                "copy_editable": editable,
                "copy_candidates": (
                    ticket._portal_copy_candidates(user.partner_id)
                    if editable
                    else request.env["res.partner"]
                ),
            }
        )
        return values
