"""18.0.1.2.0: portal users have no right on time entries (their pages read what they
show with sudo). hr_timesheet's portal access right is a noupdate record (project
sharing switches it on and off): an upgrade does not rewrite it from our
ir.model.access.csv, so it is written here."""

from odoo import SUPERUSER_ID, api

PORTAL_ACCESS = "hr_timesheet.access_account_analytic_line_portal_user"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    access = env.ref(PORTAL_ACCESS, raise_if_not_found=False)
    if access:
        access.write({"perm_read": False, "perm_write": False, "perm_create": False})
