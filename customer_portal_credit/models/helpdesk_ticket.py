from odoo import api, fields, models
from odoo.addons.customer_portal_subscription.tools.xmlids import cached_ref

from ..tools.duration import format_hours

# The support team's planning and costs: customers never read them.
STAFF = "base.group_user"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Time entries reach customers only as the page shows them (date, duration, the
    # technician's first name, read with sudo): portal users have no right on them.
    # Planned and remaining hours, progress, the project and its task are the team's.
    timesheet_ids = fields.One2many(groups=STAFF)
    planned_hours = fields.Float(groups=STAFF)
    remaining_hours = fields.Float(groups=STAFF)
    progress = fields.Float(groups=STAFF)
    last_timesheet_activity = fields.Date(groups=STAFF)
    project_id = fields.Many2one(groups=STAFF)
    task_id = fields.Many2one(groups=STAFF)
    milestone_id = fields.Many2one(groups=STAFF)
    # Whether the timer buttons show: a flag the ticket form hides buttons by, for every
    # reader of the model; it reads time entries, so it is computed with sudo.
    show_time_control = fields.Selection(compute_sudo=True)

    service_credit_hours = fields.Float(
        string="Charged to Service Credit (hours)",
        compute="_compute_service_credit_hours",
        help="Time on this ticket charged to the customer's service credit.",
    )

    @api.depends("timesheet_ids.unit_amount", "timesheet_ids.so_line")
    def _compute_service_credit_hours(self):
        for ticket in self:
            ticket.service_credit_hours = sum(
                ticket.sudo()
                .timesheet_ids.filtered(lambda line: line.so_line.is_service_credit)
                .mapped("unit_amount")
            )

    def _service_credit_hours_label(self):
        self.ensure_one()
        return self._hours_label(self.service_credit_hours)

    def _hours_label(self, hours):
        """A duration on the ticket page as /my/credit writes it ("1 h 30")."""
        return format_hours(hours)

    def write(self, vals):
        result = super().write(vals)
        if "ticket_kind" in vals:
            # The time moves with the kind: to the credit, or out of it.
            self.sudo().timesheet_ids._service_credit_changed()
        return result

    @api.model
    def _prepare_routing_vals(self, vals):
        """Every ticket gets its team's project, whoever creates it, so that time can be
        logged on it."""
        vals = super()._prepare_routing_vals(vals)
        if vals.get("team_id") and not vals.get("project_id"):
            team = self.env["helpdesk.ticket.team"].sudo().browse(vals["team_id"])
            if team.allow_timesheet and team.default_project_id:
                vals["project_id"] = team.default_project_id.id
        return vals

    @api.model
    def _customer_vals_errors(self, vals):
        """A customer with no credit left may not open a service request on the portal
        when the company says so (incidents always may)."""
        errors = super()._customer_vals_errors(vals)
        web = cached_ref(self.env, "helpdesk_mgmt.helpdesk_ticket_channel_web", False)
        if (
            (vals.get("ticket_kind") or "service") == "service"
            and web
            and vals.get("channel_id", web.id) == web.id
            and self.env.company.service_credit_empty_policy == "block"
        ):
            partner = self.env.user.partner_id.sudo()
            if partner._has_bought_service_credit() and partner._service_credit_balance()[0] <= 0:
                errors["service_credit"] = self.env._(
                    "Your service credit is used up: buy more time to open a service "
                    "request. An incident can always be reported."
                )
        return errors
