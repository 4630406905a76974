from odoo import api, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # A timer started on an unassigned ticket (the Start button's wizard, a resumed
        # entry, XML-RPC): the ticket goes to the technician of the timer.
        for line in lines.filtered(lambda li: li.ticket_id and li.date_time and not li.unit_amount):
            line.ticket_id._take_by(line.user_id)
        return lines
