from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from .product_template import STAR_LEVELS

# A subscription in progress whose end date falls within this many days is "to renew".
RENEWAL_NOTICE_DAYS = 30


class SaleSubscription(models.Model):
    _name = "sale.subscription"
    _inherit = ["sale.subscription", "portal.mixin"]
    # Customers reading a subscription on the portal may write to its salesperson.
    _mail_post_access = "read"

    # Tracked so that the salesperson follows the subscription and receives the
    # messages the customer posts from the portal.
    user_id = fields.Many2one(tracking=True)
    support_star_level = fields.Selection(
        STAR_LEVELS,
        compute="_compute_support_star_level",
        store=True,
        help="Highest support star level among the products of this subscription.",
    )
    payment_token_id = fields.Many2one(
        "payment.token",
        string="Payment Method",
        ondelete="set null",
        tracking=True,
        copy=False,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        help="Saved payment method the customer chose for this subscription, on the "
        "portal or through the salesperson.",
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    is_to_renew = fields.Boolean(
        string="Renewal Needed",
        compute="_compute_is_to_renew",
        search="_search_is_to_renew",
        help="In progress and either marked to renew or ending within 30 days.",
    )

    @api.depends("sale_subscription_line_ids.product_id.support_star_level")
    def _compute_support_star_level(self):
        for subscription in self:
            levels = subscription.sale_subscription_line_ids.product_id.mapped("support_star_level")
            subscription.support_star_level = max(filter(None, levels), default=False)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for subscription in self:
            subscription.access_url = f"/my/subscriptions/{subscription.id}"
        return res

    @api.depends("in_progress", "to_renew", "date")
    def _compute_is_to_renew(self):
        limit = fields.Date.context_today(self) + timedelta(days=RENEWAL_NOTICE_DAYS)
        for subscription in self:
            subscription.is_to_renew = subscription.in_progress and (
                subscription.to_renew or bool(subscription.date and subscription.date <= limit)
            )

    def _search_is_to_renew(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator, value)
        limit = fields.Date.context_today(self) + timedelta(days=RENEWAL_NOTICE_DAYS)
        domain = [
            ("in_progress", "=", True),
            "|",
            ("to_renew", "=", True),
            "&",
            ("date", "!=", False),
            ("date", "<=", limit),
        ]
        if (operator == "=") != value:
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    def action_preview_subscription(self):
        """Open the subscription as the customer sees it on the portal."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    def _gives_support_on(self, day):
        """Whether this subscription grants its star level on ``day``."""
        self.ensure_one()
        return (
            self.in_progress
            and (not self.date_start or self.date_start <= day)
            and (not self.date or self.date >= day)
        )

    def _get_billing_recurrence_label(self):
        """A customer's reading of the template's rule: "Monthly", "Every 3 months"."""
        self.ensure_one()
        template = self.template_id
        interval = template.recurring_interval or 1
        single = {
            "days": self.env._("Daily"),
            "weeks": self.env._("Weekly"),
            "months": self.env._("Monthly"),
            "years": self.env._("Yearly"),
        }
        several = {
            "days": self.env._("Every %(count)s days", count=interval),
            "weeks": self.env._("Every %(count)s weeks", count=interval),
            "months": self.env._("Every %(count)s months", count=interval),
            "years": self.env._("Every %(count)s years", count=interval),
        }
        labels = single if interval == 1 else several
        return labels.get(template.recurring_rule_type, "")

    def _get_portal_invoices(self):
        """Posted customer invoices and credit notes of the subscription."""
        self.ensure_one()
        invoices = self.invoice_ids | self.sale_order_ids.invoice_ids
        return invoices.filtered(
            lambda m: m.state == "posted" and m.move_type in ("out_invoice", "out_refund")
        ).sorted("invoice_date", reverse=True)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Subscription %(name)s", name=self.name)

    def _get_valid_payment_token(self):
        """The chosen payment method, unless the customer has removed it since."""
        self.ensure_one()
        token = self.sudo().payment_token_id
        return token if token.active else token.browse()

    def _get_portal_payment_tokens(self, partner):
        """Saved payment methods ``partner`` may choose for this subscription: its own and
        its company's, found as the payment module finds them for a validation."""
        self.ensure_one()
        Token = self.env["payment.token"].sudo()
        if partner.commercial_partner_id != self.partner_id.commercial_partner_id:
            return Token
        tokens = Token._get_available_tokens(None, partner.id, is_validation=True)
        return tokens.filtered(lambda token: token.company_id == self.company_id)
