from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        result = super().action_confirm()
        # Refilled: the low-credit alert may be sent again.
        packs = self.order_line.filtered("is_service_credit")
        packs.service_credit_partner_id.sudo().write({"service_credit_alert_sent": False})
        return result
