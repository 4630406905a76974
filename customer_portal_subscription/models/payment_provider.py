from odoo import fields, models


class PaymentProvider(models.Model):
    _inherit = "payment.provider"

    sepa_mandate_ok = fields.Boolean(
        string="SEPA Mandates Signed Online",
        help="Customers sign SEPA direct-debit mandates on the portal (Payment methods); "
        "this provider debits them when they pay with one.",
    )
