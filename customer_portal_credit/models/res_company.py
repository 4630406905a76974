from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    service_credit_alert_hours = fields.Float(
        string="Low Credit Alert (hours)",
        default=2.0,
        help="When a customer's service credit falls to this many hours or less, its billing "
        "contact gets one e-mail and its salesperson an activity, until it is refilled.",
    )
    service_credit_empty_policy = fields.Selection(
        [("warn", "Warn"), ("block", "Block")],
        string="Service Requests without Credit",
        default="warn",
        required=True,
        help="What the portal's service-request form does for a customer who bought credit "
        "and has none left: warn and accept the request, or refuse it until more time is "
        "bought. Incidents are never blocked.",
    )
