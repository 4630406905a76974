from odoo import fields, models
from odoo.addons.customer_portal_subscription.models.product_template import STAR_LEVELS
from odoo.addons.customer_portal_tickets.models.helpdesk_ticket import URGENCIES

from .helpdesk_sla import SLA_TARGETS


class HelpdeskSlaReport(models.Model):
    """SLA compliance by star level, urgency, target, assignee and team, per month."""

    _inherit = "helpdesk.sla.report"

    support_star_level = fields.Selection(STAR_LEVELS, string="Star Level", readonly=True)
    urgency = fields.Selection(URGENCIES, readonly=True)
    target = fields.Selection(SLA_TARGETS, readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned User", readonly=True)
    deadline = fields.Datetime(readonly=True)

    def _select_sla(self):
        return (
            super()._select_sla()
            + """,
            ht.support_star_level as support_star_level,
            ht.urgency as urgency,
            hts.target as target,
            ht.user_id as user_id,
            hts.deadline as deadline
            """
        )
