from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # Portal users have no right on time entries (security/ir.model.access.csv): the
    # list is the staff's, and a customer's read() of the record keeps working.
    analytic_line_ids = fields.One2many(groups="base.group_user")
