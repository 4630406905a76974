from odoo.addons.account.controllers.portal import PortalAccount
from odoo.http import request


class InvoicePortal(PortalAccount):
    """Invoices are addressed to the customer company while its contacts log in: the
    overdue filter and the home alert ("invoices to pay") count the company's invoices,
    as the list does (Odoo counts only those addressed to the contact itself)."""

    def _get_overdue_invoices_domain(self, partner_id=None):
        domain = super()._get_overdue_invoices_domain(partner_id)
        if partner_id:
            return domain
        company = request.env.user.partner_id.commercial_partner_id
        return [
            ("partner_id", "child_of", company.id) if term[0] == "partner_id" else term
            for term in domain
        ]
