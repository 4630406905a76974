from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What customers read of a ticket, in the order of the workflow (the portal list groups
# by it in this order).
PORTAL_STATES = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("waiting", "Waiting for You"),
    ("resolved", "Resolved"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
# The states of closed stages: a ticket in one takes no more messages from customers.
CLOSED_PORTAL_STATES = ("resolved", "rejected", "cancelled")


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    portal_state = fields.Selection(
        PORTAL_STATES,
        required=True,
        compute="_compute_portal_state",
        store=True,
        readonly=False,
        precompute=True,
        help="What customers read on the portal for tickets in this stage: new (waiting "
        "to be taken), in progress, waiting for you (the customer), resolved, rejected, "
        "cancelled. A stage is resolved, rejected or cancelled for customers exactly when "
        "it is closed: its tickets take no more messages from them. A ticket also waits "
        "for the customer in any open stage once support wrote last.",
    )

    @api.depends("closed")
    def _compute_portal_state(self):
        for stage in self:
            if stage.closed:
                if stage.portal_state not in CLOSED_PORTAL_STATES:
                    stage.portal_state = "resolved"
            elif stage.portal_state in (False, *CLOSED_PORTAL_STATES):
                stage.portal_state = "in_progress"

    @api.constrains("closed", "portal_state")
    def _check_portal_state_closed(self):
        for stage in self:
            if stage.closed != (stage.portal_state in CLOSED_PORTAL_STATES):
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s: customers read a stage as resolved, rejected or "
                        "cancelled exactly when it is closed. Mark it closed, or choose "
                        "another portal state.",
                        stage=stage.name,
                    )
                )
