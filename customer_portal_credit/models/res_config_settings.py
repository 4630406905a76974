from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    service_credit_alert_hours = fields.Float(
        related="company_id.service_credit_alert_hours", readonly=False
    )
    service_credit_empty_policy = fields.Selection(
        related="company_id.service_credit_empty_policy", readonly=False
    )
