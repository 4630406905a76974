from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize, email_split

from ..tools.text import clean_text


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
        """The contact an e-mail to the helpdesk comes from, or an empty recordset. An
        address proves nothing by itself: one used by contacts of several companies is
        nobody's (unknown) rather than a guess; within one company, its contact with a
        user first, then a contact rather than the company, then the oldest."""
        # A header's control characters (NUL) would make the search fail: PostgreSQL refuses NUL.
        email = email_normalize(clean_text(email))
        if not email:
            return self.browse()
        partners = self.sudo().search([("email_normalized", "=", email)], order="id")
        if len(partners.commercial_partner_id) > 1:
            return self.browse()
        return partners.sorted(key=lambda p: (not p.user_ids, p.commercial_partner_id == p, p.id))[
            :1
        ]

    # ------------------------------------------------------------------
    # One address, one contact
    # ------------------------------------------------------------------
    def write(self, vals):
        if vals.get("email") and self.env.user.share:
            self._check_email_not_taken(vals["email"])
        return super().write(vals)

    def _email_taken_message(self):
        return self.env._(
            "This e-mail address is already used by another contact. To use it, please "
            "contact your vendor."
        )

    def _email_taken(self, email):
        """Whether another contact than these uses ``email`` (normalized)."""
        email = email_normalize(email or "", strict=False)
        if not email:
            return False
        return bool(
            self.sudo().search_count(
                [("email_normalized", "=", email), ("id", "not in", self.ids)], limit=1
            )
        )

    def _check_email_not_taken(self, email):
        """A customer (a share user, whatever the door: its account page, res.users or
        res.partner over RPC) takes no address another contact uses: the mail gateway
        would take that contact's e-mails for its own. One address only: Odoo matches a
        contact by the first address of its field, which a list would hide from a check
        of the whole text."""
        if clean_text(email) != (email or ""):
            raise ValidationError(self.env._("This e-mail address is not valid."))
        if len(email_split(email or "")) > 1:
            raise ValidationError(self.env._("Enter a single e-mail address."))
        normalized = email_normalize(email or "", strict=False)
        changed = self.filtered(lambda partner: partner.email_normalized != normalized)
        if changed and changed._email_taken(email):
            raise ValidationError(self._email_taken_message())
