from odoo import api, fields, models

from .product_template import STAR_LEVELS


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_star_level = fields.Selection(
        STAR_LEVELS,
        compute="_compute_support_star_level",
        store=True,
        help="Highest star level among the products of the subscriptions in "
        "progress of this customer and of its contacts.",
    )

    @api.depends(
        "subscription_ids.in_progress",
        "subscription_ids.date_start",
        "subscription_ids.date",
        "subscription_ids.sale_subscription_line_ids.product_id.support_star_level",
        "child_ids.subscription_ids.in_progress",
        "child_ids.subscription_ids.date_start",
        "child_ids.subscription_ids.date",
        "child_ids.subscription_ids.sale_subscription_line_ids.product_id.support_star_level",
    )
    def _compute_support_star_level(self):
        today = fields.Date.context_today(self)
        for partner in self:
            subscriptions = (
                partner.subscription_ids | partner.child_ids.subscription_ids
            ).filtered(
                lambda s: s.in_progress
                and (not s.date_start or s.date_start <= today)
                and (not s.date or s.date >= today)
            )
            levels = subscriptions.sale_subscription_line_ids.product_id.mapped(
                "support_star_level"
            )
            partner.support_star_level = max(filter(None, levels), default=False)
