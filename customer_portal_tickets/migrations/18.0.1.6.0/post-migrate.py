"""18.0.1.6.0: the pricelist feature is on (subscriptions require a pricelist). The data
file links it to base.group_user, a noupdate record that an upgrade leaves alone: done
here as Settings does it, so that saving Settings no longer warns that every pricelist
will be archived, nor archives them."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    pricelists = env.ref("product.group_product_pricelist", False)
    employees = env.ref("base.group_user", False)
    if pricelists and employees and pricelists not in employees.implied_ids:
        employees._apply_group(pricelists)
