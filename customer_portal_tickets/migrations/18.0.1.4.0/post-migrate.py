"""18.0.1.4.0: helpdesk_mgmt's portal rule reads portal_partner_ids (filled by the
pre-migration); its record is noupdate, so it is written here."""

from odoo import SUPERUSER_ID, api
from odoo.addons.customer_portal_tickets.hooks import PORTAL_RULE, portal_rule


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = portal_rule(env)
    if rule:
        rule.domain_force = PORTAL_RULE
