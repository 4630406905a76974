from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from ..tools.cells import CellFormatters
from ..tools.params import to_id, to_page


class SubscriptionPortal(CustomerPortal):
    """Subscriptions on the portal (/my/subscriptions) and the star programme's
    *Details* box on the portal home."""

    # ------------------------------------------------------------------
    # Portal home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "subscription_count" in counters:
            Subscription = request.env["sale.subscription"]
            values["subscription_count"] = (
                Subscription.search_count(self._subscription_get_domain())
                if Subscription.has_access("read")
                else 0
            )
        return values

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        response.qcontext["support_programme"] = self._get_support_programme_values()
        return response

    def _get_support_programme_values(self):
        """What the *Details* box says about the customer's star programme, or None for
        customers without a star level (no box). Read for the user's own company only."""
        company = request.env.user.partner_id.commercial_partner_id.sudo()
        level = company.support_star_level
        if not level:
            return None
        line = request.env.company._get_support_line(level)
        return {
            "star_level": int(level),
            "title": request.env._("%(level)s-star programme", level=level),
            "access_code": company.support_access_code if line else False,
            "phone": line and line["phone"],
            "hours": line and line["hours"],
        }

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    def _subscription_get_domain(self):
        """Subscriptions of the user's company; the record rules say the same, this
        keeps the list and the counter on one definition."""
        partner = request.env.user.partner_id
        return [("partner_id", "child_of", partner.commercial_partner_id.id)]

    def _subscription_get_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Subscription Date"),
                "order": "date_start desc, id desc",
            },
            "name": {"label": request.env._("Reference"), "order": "name asc, id desc"},
            "stage": {
                "label": request.env._("Status"),
                "order": "stage_id, date_start desc, id desc",
            },
        }

    def _subscription_get_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {"label": request.env._("Open"), "domain": [("in_progress", "=", True)]},
            "closed": {
                "label": request.env._("Closed"),
                "domain": [("stage_id.type", "=", "post")],
            },
            "to_renew": {
                "label": request.env._("To Renew"),
                "domain": [("is_to_renew", "=", True)],
            },
        }

    def _prepare_subscriptions_values(self, page=1, sortby=None, filterby=None, **kwargs):
        Subscription = request.env["sale.subscription"]
        values = self._prepare_portal_layout_values()
        searchbar_sortings = self._subscription_get_searchbar_sortings()
        searchbar_filters = self._subscription_get_searchbar_filters()
        if sortby not in searchbar_sortings:
            sortby = "date"
        if filterby not in searchbar_filters:
            filterby = "all"
        domain = self._subscription_get_domain() + searchbar_filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/subscriptions",
            url_args={"sortby": sortby, "filterby": filterby},
            total=Subscription.search_count(domain),
            page=to_page(page),
            step=self._items_per_page,
        )
        subscriptions = Subscription.search(
            domain,
            order=searchbar_sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values.update(
            {
                "subscriptions": subscriptions,
                "page_name": "subscription",
                "default_url": "/my/subscriptions",
                "pager": pager,
                "searchbar_sortings": searchbar_sortings,
                "sortby": sortby,
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
                "not_found": request.session.pop("subscription_not_found", False),
                "cells": CellFormatters(request.env),
            }
        )
        return values

    @http.route(
        ["/my/subscriptions", "/my/subscriptions/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_subscriptions(self, **kwargs):
        if not request.env["sale.subscription"].has_access("read"):
            return request.redirect("/my")
        values = self._prepare_subscriptions_values(**kwargs)
        request.session["my_subscriptions_history"] = values["subscriptions"].ids[:100]
        return request.render("customer_portal_subscription.portal_my_subscriptions", values)

    # ------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------
    def _subscription_check_access(self, subscription_id, access_token=None):
        """The subscription, sudoed, or None when the user may not see it."""
        try:
            return self._document_check_access(
                "sale.subscription", subscription_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None

    def _subscription_not_found(self):
        if request.env.user._is_public():
            return request.redirect("/my")
        # Said once on the list, through the session, so that sorting or filtering the
        # list afterwards does not repeat it.
        request.session["subscription_not_found"] = True
        return request.redirect("/my/subscriptions")

    def _subscription_get_page_view_values(self, subscription_sudo, access_token, **kwargs):
        lines = subscription_sudo.sale_subscription_line_ids
        values = {
            "subscription": subscription_sudo,
            "page_name": "subscription",
            "report_type": "html",
            "recurrence": subscription_sudo._get_billing_recurrence_label(),
            "lines": lines,
            "show_discount": any(line.discount for line in lines),
            "invoices": subscription_sudo._get_portal_invoices(),
            "payment_token": subscription_sudo._get_valid_payment_token(),
            "res_company": subscription_sudo.company_id,
        }
        return self._get_page_view_values(
            subscription_sudo, access_token, values, "my_subscriptions_history", False, **kwargs
        )

    @http.route(
        ["/my/subscriptions/<int:subscription_id>"], type="http", auth="public", website=True
    )
    def portal_my_subscription(
        self, subscription_id, access_token=None, report_type=None, download=False, **kw
    ):
        subscription_sudo = self._subscription_check_access(subscription_id, access_token)
        if subscription_sudo is None:
            return self._subscription_not_found()
        if report_type in ("html", "pdf", "text"):
            if report_type == "pdf" and not self._pdf_reports_available():
                # Without wkhtmltopdf Odoo cannot make a PDF: print the HTML version.
                report_type = "html"
            return self._show_report(
                model=subscription_sudo,
                report_type=report_type,
                report_ref="customer_portal_subscription.action_report_subscription",
                download=download,
            )
        values = self._subscription_get_page_view_values(subscription_sudo, access_token, **kw)
        return request.render("customer_portal_subscription.portal_my_subscription", values)

    def _pdf_reports_available(self):
        return request.env["ir.actions.report"].get_wkhtmltopdf_state() == "ok"

    # ------------------------------------------------------------------
    # Payment method
    # ------------------------------------------------------------------
    @http.route(
        ["/my/subscriptions/<int:subscription_id>/payment_method"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        csrf=False,  # checked below, to answer with a message instead of a bare error
    )
    def portal_subscription_payment_method(self, subscription_id, access_token=None, **post):
        subscription_sudo = self._subscription_check_access(subscription_id, access_token)
        if subscription_sudo is None:
            return self._subscription_not_found()
        partner = request.env.user.partner_id
        tokens = subscription_sudo._get_portal_payment_tokens(partner)
        values = self._subscription_get_page_view_values(subscription_sudo, access_token)
        values.update(
            {
                "tokens": tokens,
                "selected_token_id": subscription_sudo._get_valid_payment_token().id,
                "can_change": subscription_sudo.stage_id.type != "post",
            }
        )
        if request.httprequest.method == "POST":
            error = self._subscription_set_payment_token(subscription_sudo, tokens, post)
            if not error:
                return request.redirect(
                    f"{subscription_sudo.get_portal_url()}&payment_method_saved=1"
                    if access_token
                    else f"/my/subscriptions/{subscription_sudo.id}?payment_method_saved=1"
                )
            values["error_message"] = error
            values["selected_token_id"] = to_id(post.get("payment_token_id")) or False
        return request.render(
            "customer_portal_subscription.portal_subscription_payment_method", values
        )

    def _subscription_set_payment_token(self, subscription_sudo, tokens, post):
        """Store the posted payment method; return an error message or None."""
        if not request.validate_csrf(post.get("csrf_token")):
            return request.env._(
                "Your session has expired or the form did not come from this page. "
                "Nothing was changed: reload the page and try again."
            )
        if subscription_sudo.stage_id.type == "post":
            return request.env._(
                "This subscription is closed: its payment method can no longer be changed."
            )
        posted_id = post.get("payment_token_id", "")
        if not posted_id:
            return request.env._("Choose one of your saved payment methods.")
        token = tokens.filtered(lambda t: str(t.id) == posted_id)
        if not token:
            return request.env._(
                "This payment method is not one of yours. Choose one of the payment "
                "methods listed below."
            )
        if token != subscription_sudo.payment_token_id:
            subscription_sudo.payment_token_id = token
            subscription_sudo.message_post(
                body=request.env._(
                    "Payment method set to %(method)s by %(user)s from the portal.",
                    method=token.display_name,
                    user=request.env.user.partner_id.name,
                ),
                author_id=request.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        return None
