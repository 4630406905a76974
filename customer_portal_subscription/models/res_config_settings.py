from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    support_phone_4 = fields.Char(related="company_id.support_phone_4", readonly=False)
    support_hours_4 = fields.Char(related="company_id.support_hours_4", readonly=False)
    support_phone_5 = fields.Char(related="company_id.support_phone_5", readonly=False)
    support_hours_5 = fields.Char(related="company_id.support_hours_5", readonly=False)
