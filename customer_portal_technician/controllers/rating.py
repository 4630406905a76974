from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from ..models.helpdesk_ticket import FEEDBACK_MAX, RATES

# The refusal of a rating and the comment typed, kept until the ticket page shows them.
SESSION_KEY = "customer_portal_technician_rating_error"


class TicketRatingPortal(CustomerPortalHelpdesk):
    """ "Are you satisfied?" on a resolved ticket's page: the rating its e-mail asks for,
    given on the page. The rules are the ticket model's (``_rate_by_customer``)."""

    @http.route(
        ["/my/ticket/<int:ticket_id>/rating"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_ticket_rating(self, ticket_id, rate=None, feedback=None, access_token=None, **kw):
        try:
            ticket = self._document_check_access("helpdesk.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        feedback = feedback if isinstance(feedback, str) else ""
        try:
            with request.env.cr.savepoint():
                # As the customer (a share user, under sudo like the e-mail's link), past
                # the access just checked.
                ticket._rate_by_customer(to_id(rate), feedback)
        except UserError as refusal:
            request.session[SESSION_KEY] = {
                "ticket_id": ticket.id,
                "error": refusal.args[0],
                "feedback": feedback[:FEEDBACK_MAX],
            }
        query = f"?access_token={access_token}" if isinstance(access_token, str) else ""
        return request.redirect(f"/my/ticket/{ticket.id}{query}#o_ticket_rating")

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        state = request.session.pop(SESSION_KEY, None) or {}
        if state.get("ticket_id") != ticket.id:
            state = {}
        rating = ticket._portal_rating()
        # The smileys in the words of core's ratings (their French comes with them).
        labels = dict(rating._fields["rating_text"]._description_selection(request.env))
        keys = ("top", "ok", "ko")  # core's names of 5, 3 and 1
        values.update(
            {
                "ticket_rating": rating,
                "rating_choices": [
                    (rate, labels[key]) for rate, key in zip(RATES, keys, strict=True)
                ],
                "rating_error": state.get("error"),
                "rating_feedback": state.get("feedback", rating.feedback or ""),
                "rating_access_token": access_token,
                "feedback_max": FEEDBACK_MAX,
            }
        )
        return values
