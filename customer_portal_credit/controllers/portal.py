from urllib.parse import urlencode

from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_page
from odoo.addons.customer_portal_tickets.controllers.support_forms import TicketPortal
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.http import request

from ..tools.duration import format_hours

HISTORY_PER_PAGE = 20


def _credit_summary(partner):
    """What the card, the page and the form say about ``partner``'s credit, or None
    when its company never bought any."""
    company = partner.commercial_partner_id.sudo()
    if not company._has_bought_service_credit():
        return None
    remaining, total = company._service_credit_balance()
    return {
        "remaining": remaining,
        "total": total,
        "remaining_label": format_hours(remaining),
        "total_label": format_hours(total),
        "percent": max(0, min(100, round(100 * remaining / total))) if total else 0,
        "sentence": request.env._(
            "%(remaining)s remaining out of %(total)s",
            remaining=format_hours(remaining),
            total=format_hours(total),
        ),
    }


class ServiceCreditPortal(CustomerPortal):
    """The service credit on the portal: a card on the home page and /my/credit."""

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        response.qcontext["service_credit"] = _credit_summary(request.env.user.partner_id)
        return response

    @http.route(
        ["/my/credit", "/my/credit/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_credit(self, page=1, **kw):
        summary = _credit_summary(request.env.user.partner_id)
        if not summary:
            raise request.not_found()
        page = to_page(page)
        # Packs are read as the customer (record rules: its own company's). Time entries
        # carry internal notes and costs: only what the page shows is read, with sudo,
        # for the customer's own company.
        company = request.env.user.commercial_partner_id
        packs = request.env["sale.order.line"].search(
            [
                ("is_service_credit", "=", True),
                ("state", "=", "sale"),
                ("service_credit_partner_id", "=", company.id),
            ],
            order="create_date desc, id desc",
        )
        Time = request.env["account.analytic.line"].sudo()
        domain = [
            ("so_line.is_service_credit", "=", True),
            ("so_line.service_credit_partner_id", "=", company.id),
            ("unit_amount", ">", 0),  # a running timer is not time used yet
        ]
        pager = portal_pager(
            url="/my/credit",
            total=Time.search_count(domain),
            page=page,
            step=HISTORY_PER_PAGE,
        )
        history = Time.search(
            domain, order="date desc, id desc", limit=HISTORY_PER_PAGE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "credit",
                "credit": summary,
                "packs": packs.sudo(),
                "history": history,
                "pager": pager,
                "format_hours": format_hours,
                "buy_more_url": self._credit_buy_more_url(),
            }
        )
        return request.render("customer_portal_credit.portal_my_credit", values)

    def _credit_buy_more_url(self):
        """The administrative request to sales, prefilled for a top-up."""
        department = request.env.ref(
            "customer_portal_tickets.department_sales", raise_if_not_found=False
        )
        query = {"subject": request.env._("Service credit top-up")}
        if department:
            query["department_id"] = department.id
        return "/my/support/new/administrative?" + urlencode(query)


class ServiceCreditTicketForm(TicketPortal):
    """The service-request form shows the customer's balance."""

    def _support_form_values(self, kind, form, *args, **kwargs):
        values = super()._support_form_values(kind, form, *args, **kwargs)
        if kind == "service":
            values["service_credit"] = _credit_summary(request.env.user.partner_id)
            values["service_credit_blocks"] = (
                request.env.company.service_credit_empty_policy == "block"
            )
        return values
