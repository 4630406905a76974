from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    portal_ticket_max_file_size = fields.Integer(
        related="company_id.portal_ticket_max_file_size", readonly=False
    )
    portal_ticket_max_files = fields.Integer(
        related="company_id.portal_ticket_max_files", readonly=False
    )
    portal_ticket_allowed_extensions = fields.Char(
        related="company_id.portal_ticket_allowed_extensions", readonly=False
    )
    portal_ticket_hourly_limit = fields.Integer(
        related="company_id.portal_ticket_hourly_limit", readonly=False
    )
    portal_ticket_team_id = fields.Many2one(
        related="company_id.portal_ticket_team_id", readonly=False
    )
    portal_ticket_reopen_days = fields.Integer(
        related="company_id.portal_ticket_reopen_days", readonly=False
    )
    portal_ticket_unknown_senders = fields.Selection(
        related="company_id.portal_ticket_unknown_senders", readonly=False
    )
