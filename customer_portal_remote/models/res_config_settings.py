from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    remote_teamviewer_enabled = fields.Boolean(
        related="company_id.remote_teamviewer_enabled", readonly=False
    )
    remote_anydesk_enabled = fields.Boolean(
        related="company_id.remote_anydesk_enabled", readonly=False
    )
    remote_teamviewer_url_windows = fields.Char(
        related="company_id.remote_teamviewer_url_windows", readonly=False
    )
    remote_teamviewer_url_macos = fields.Char(
        related="company_id.remote_teamviewer_url_macos", readonly=False
    )
    remote_teamviewer_url_linux = fields.Char(
        related="company_id.remote_teamviewer_url_linux", readonly=False
    )
    remote_anydesk_url_windows = fields.Char(
        related="company_id.remote_anydesk_url_windows", readonly=False
    )
    remote_anydesk_url_macos = fields.Char(
        related="company_id.remote_anydesk_url_macos", readonly=False
    )
    remote_anydesk_url_linux = fields.Char(
        related="company_id.remote_anydesk_url_linux", readonly=False
    )
    remote_teamviewer_connect_pattern = fields.Char(
        related="company_id.remote_teamviewer_connect_pattern", readonly=False
    )
    remote_anydesk_connect_pattern = fields.Char(
        related="company_id.remote_anydesk_connect_pattern", readonly=False
    )
    remote_session_lifetime = fields.Integer(
        related="company_id.remote_session_lifetime", readonly=False
    )
    remote_session_hourly_limit = fields.Integer(
        related="company_id.remote_session_hourly_limit", readonly=False
    )
