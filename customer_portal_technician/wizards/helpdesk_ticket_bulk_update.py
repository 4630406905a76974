from odoo import api, fields, models


class HelpdeskTicketBulkUpdate(models.TransientModel):
    """Stage or assignee of many tickets at once, from the list. Each ticket is written
    as if changed on its form: the SLA, rating and timer rules run for each."""

    _name = "helpdesk.ticket.bulk.update"
    _description = "Change stage or assignee of tickets"

    ticket_ids = fields.Many2many(
        "helpdesk.ticket", default=lambda self: self._default_ticket_ids(), required=True
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count", string="Selected Tickets")
    stage_id = fields.Many2one("helpdesk.ticket.stage")
    user_id = fields.Many2one(
        "res.users",
        string="Assigned user",
        domain=[("share", "=", False)],
    )

    @api.model
    def _default_ticket_ids(self):
        if self.env.context.get("active_model") != "helpdesk.ticket":
            return []
        return [(6, 0, self.env.context.get("active_ids") or [])]

    @api.depends("ticket_ids")
    def _compute_ticket_count(self):
        for wizard in self:
            wizard.ticket_count = len(wizard.ticket_ids)

    def action_apply(self):
        self.ensure_one()
        vals = {}
        if self.stage_id:
            vals["stage_id"] = self.stage_id.id
        if self.user_id:
            vals["user_id"] = self.user_id.id
        if vals:
            self.ticket_ids.write(vals)
        return {"type": "ir.actions.act_window_close"}
