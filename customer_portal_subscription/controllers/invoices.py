from odoo.addons.account.controllers.portal import PortalAccount
from odoo.http import request

from ..tools.params import to_page


class InvoicePortal(PortalAccount):
    """Invoices are addressed to the customer company while its contacts log in: the
    overdue filter and the home alert ("invoices to pay") count the company's invoices,
    as the list does (Odoo counts only those addressed to the contact itself)."""

    def _prepare_my_invoices_values(
        self, page, date_begin, date_end, sortby, filterby, domain=None, url="/my/invoices"
    ):
        # Odoo looks the sorting and the filter up without a default: an unknown one (a
        # NUL byte, a typo) would be a 500.
        if sortby not in self._get_account_searchbar_sortings():
            sortby = None
        if filterby not in self._get_account_searchbar_filters():
            filterby = None
        return super()._prepare_my_invoices_values(
            to_page(page), date_begin, date_end, sortby, filterby, domain=domain, url=url
        )

    def _get_overdue_invoices_domain(self, partner_id=None):
        domain = super()._get_overdue_invoices_domain(partner_id)
        if partner_id:
            return domain
        company = request.env.user.partner_id.commercial_partner_id
        return [
            ("partner_id", "child_of", company.id) if term[0] == "partner_id" else term
            for term in domain
        ]
