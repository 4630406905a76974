from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
        compute="_compute_portal_state",
        store=True,
        readonly=False,
        precompute=True,
        help="What customers read on the portal for tickets in this stage: new (waiting "
        "to be taken), in progress, waiting for you (the customer), resolved. A stage is "
        "resolved for customers exactly when it is closed: its tickets take no more "
        "messages from them.",
    )

    @api.depends("closed")
    def _compute_portal_state(self):
        for stage in self:
            if stage.closed:
                stage.portal_state = "resolved"
            elif stage.portal_state in (False, "resolved"):
                stage.portal_state = "in_progress"

    @api.constrains("closed", "portal_state")
    def _check_portal_state_closed(self):
        for stage in self:
            if stage.closed != (stage.portal_state == "resolved"):
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s: customers read a stage as resolved exactly when it "
                        "is closed. Mark it closed, or choose another portal state.",
                        stage=stage.name,
                    )
                )
