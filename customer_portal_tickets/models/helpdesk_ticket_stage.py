from odoo import fields, models

PORTAL_STATES = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("waiting", "Waiting for You"),
    ("resolved", "Resolved"),
]


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    portal_state = fields.Selection(
        PORTAL_STATES,
        required=True,
        default="in_progress",
        help="What customers read on the portal for tickets in this stage: new (waiting "
        "to be taken), in progress, waiting for you (the customer), resolved. Tickets "
        "in a resolved stage take no more messages.",
    )
