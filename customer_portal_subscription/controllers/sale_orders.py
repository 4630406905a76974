from odoo import fields
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.sale.controllers.portal import CustomerPortal as SaleCustomerPortal
from odoo.http import request
from odoo.osv import expression

from ..tools.params import to_page

# The filters of the quotes and orders lists, as the help centre describes them.
LIST_PATHS = ("/my/quotes", "/my/orders")


class SaleOrderPortal(SaleCustomerPortal):
    """Quotes and orders filtered by state (in progress, expired, cancelled) and sorted by
    date, reference or state. Odoo's sale portal has a hook for its sortings, none for
    filters: the filter is applied in its domain hooks while a list is rendered."""

    def _get_sale_searchbar_sortings(self):
        return {
            **super()._get_sale_searchbar_sortings(),
            "name": {"label": request.env._("Reference"), "order": "name desc"},
            "state": {"label": request.env._("Status"), "order": "state, date_order desc"},
        }

    def _sale_get_searchbar_filters(self, quotation_page):
        today = fields.Date.context_today(request.env.user)
        if quotation_page:
            return {
                "all": {"label": request.env._("All"), "domain": []},
                "in_progress": {
                    "label": request.env._("In progress"),
                    "domain": [
                        ("state", "=", "sent"),
                        "|",
                        ("validity_date", "=", False),
                        ("validity_date", ">=", today),
                    ],
                },
                "expired": {
                    "label": request.env._("Expired"),
                    "domain": [("state", "=", "sent"), ("validity_date", "<", today)],
                },
                "cancelled": {
                    "label": request.env._("Cancelled"),
                    "domain": [("state", "=", "cancel")],
                },
            }
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "in_progress": {
                "label": request.env._("In progress"),
                "domain": [("state", "=", "sale"), ("invoice_status", "!=", "invoiced")],
            },
            "invoiced": {
                "label": request.env._("Fully invoiced"),
                "domain": [("state", "=", "sale"), ("invoice_status", "=", "invoiced")],
            },
        }

    def _sale_list_filter(self, quotation_page):
        """The filter of the list being rendered, or None elsewhere (counters)."""
        path = request.httprequest.path
        if not any(list_path in path for list_path in LIST_PATHS):
            return None
        filters = self._sale_get_searchbar_filters(quotation_page)
        filterby = request.params.get("filterby")
        return filterby if filterby in filters else "all"

    def _prepare_quotations_domain(self, partner):
        domain = super()._prepare_quotations_domain(partner)
        filterby = self._sale_list_filter(quotation_page=True)
        if filterby is None:
            return domain
        # Cancelled quotes are listed too: the customer sees what became of them.
        domain = [
            ("state", "in", ("sent", "cancel")) if term == ("state", "=", "sent") else term
            for term in domain
        ]
        return expression.AND([domain, self._sale_get_searchbar_filters(True)[filterby]["domain"]])

    def _prepare_orders_domain(self, partner):
        domain = super()._prepare_orders_domain(partner)
        filterby = self._sale_list_filter(quotation_page=False)
        if filterby is None:
            return domain
        return expression.AND([domain, self._sale_get_searchbar_filters(False)[filterby]["domain"]])

    def _prepare_sale_portal_rendering_values(self, page=1, quotation_page=False, **kwargs):
        page = to_page(page)
        # Odoo looks the sorting up without a default: an unknown one would be a 500.
        if kwargs.get("sortby") not in self._get_sale_searchbar_sortings():
            kwargs["sortby"] = "date"
        values = super()._prepare_sale_portal_rendering_values(
            page=page, quotation_page=quotation_page, **kwargs
        )
        filters = self._sale_get_searchbar_filters(quotation_page)
        filterby = self._sale_list_filter(quotation_page) or "all"
        values.update({"searchbar_filters": filters, "filterby": filterby})
        if filterby != "all":
            # Odoo's pager does not know the filter: its pages keep it.
            partner = request.env.user.partner_id
            domain = (
                self._prepare_quotations_domain(partner)
                if quotation_page
                else self._prepare_orders_domain(partner)
            )
            values["pager"] = portal_pager(
                url=values["default_url"],
                total=request.env["sale.order"].search_count(domain),
                page=page,
                step=self._items_per_page,
                url_args={
                    "sortby": values.get("sortby"),
                    "filterby": filterby,
                    "date_begin": kwargs.get("date_begin"),
                    "date_end": kwargs.get("date_end"),
                },
            )
        return values
