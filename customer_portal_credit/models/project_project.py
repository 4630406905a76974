from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    # Portal users have no right on time entries (security/ir.model.access.csv): the
    # list is the staff's, and a customer's read() of the record keeps working.
    timesheet_ids = fields.One2many(groups="base.group_user")
