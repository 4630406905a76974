from odoo import fields, models
from odoo.addons.customer_portal_subscription.models.product_template import STAR_LEVELS
from odoo.addons.customer_portal_tickets.models.helpdesk_ticket import URGENCIES

SLA_TARGETS = [
    ("first_response", "First Response"),
    ("resolution", "Resolution"),
]
# Star level of an SLA that applies to customers without a support level.
NO_LEVEL = "none"


class HelpdeskSla(models.Model):
    """A cell of the SLA matrix: the time allowed to answer or to resolve a ticket of a
    star level and an urgency, counted in that level's support hours."""

    _inherit = "helpdesk.sla"

    name = fields.Char(translate=True)

    target = fields.Selection(
        SLA_TARGETS,
        required=True,
        default="resolution",
        help="First response: met when the support team first writes to the customer. "
        "Resolution: met when the ticket reaches the target stage.",
    )
    support_star_level = fields.Selection(
        [*STAR_LEVELS, (NO_LEVEL, "No star level")],
        string="Star Level",
        help="Tickets of this star level only (at creation). Empty: every level.",
    )
    urgency = fields.Selection(
        URGENCIES,
        help="Tickets of this urgency only; a ticket without urgency counts as None. "
        "Empty: every urgency.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Support Hours",
        help="The working time the deadline counts in (the support hours of the star "
        "level). Empty: the team's working hours.",
    )
