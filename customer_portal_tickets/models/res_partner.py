from odoo import api, fields, models
from odoo.tools import email_normalize


class ResPartner(models.Model):
    _inherit = "res.partner"

    portal_ticket_approved_only = fields.Boolean(
        string="Only Approved Contacts Open Tickets",
        help="When set on a customer company, only its contacts marked as approved may open "
        "tickets, on the portal or by e-mail; the others are told whom to ask instead.",
    )
    portal_ticket_approved = fields.Boolean(
        string="Approved to Open Tickets",
        help="This contact may open tickets when its company restricts it.",
    )

    def _portal_ticket_approvers(self):
        """The approved contacts of this partner's company, or an empty recordset."""
        self.ensure_one()
        company = self.commercial_partner_id
        return (company | company.child_ids).filtered("portal_ticket_approved")

    def _portal_ticket_may_open(self):
        """Whether this contact may open tickets."""
        self.ensure_one()
        company = self.commercial_partner_id
        return not company.portal_ticket_approved_only or self.portal_ticket_approved

    def _is_support_staff(self):
        """Whether this partner is one of our internal users (not a customer)."""
        self.ensure_one()
        return bool(self.sudo().user_ids.filtered(lambda user: not user.share))

    def _portal_supported_software(self):
        """Supported software this partner's company has: on a subscription in progress
        or a confirmed order."""
        self.ensure_one()
        company = self.commercial_partner_id
        # Grouped in the database: a customer with thousands of orders has a handful of
        # software (reading every order's lines made /my/support linear in its orders).
        supported = [("product_id.is_supported_software", "=", True)]
        subscribed = (
            self.env["sale.subscription.line"]
            .sudo()
            ._read_group(
                [
                    ("sale_subscription_id.partner_id", "child_of", company.id),
                    ("sale_subscription_id.in_progress", "=", True),
                    *supported,
                ],
                groupby=["product_id"],
            )
        )
        ordered = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id.partner_id", "child_of", company.id),
                    ("order_id.state", "=", "sale"),
                    *supported,
                ],
                groupby=["product_id"],
            )
        )
        products = self.env["product.product"].sudo()
        for (product,) in subscribed + ordered:
            products |= product
        return products.sorted("name")

    @api.model
    def _find_ticket_sender(self, email):
        """The contact an e-mail to the helpdesk comes from: among the partners with that
        address, one with a user first, then a contact of a company, then the oldest."""
        email = email_normalize(email or "")
        if not email:
            return self.browse()
        partners = self.sudo().search([("email_normalized", "=", email)], order="id")
        return partners.sorted(key=lambda p: (not p.user_ids, p.commercial_partner_id == p, p.id))[
            :1
        ]
