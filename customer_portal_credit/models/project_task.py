from odoo import fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    # Portal users have no right on time entries (security/ir.model.access.csv): the
    # list is the staff's, and a customer's read() of the record keeps working.
    timesheet_ids = fields.One2many(groups="base.group_user")
