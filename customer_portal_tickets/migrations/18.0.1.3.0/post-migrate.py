"""18.0.1.3.0: the waiting-for-the-customer flag became a stored field (set it from the
messages); helpdesk_mgmt's portal rule is ours (its record is noupdate: an upgrade does
not rewrite it, so it is written here, as hooks.PORTAL_RULE has it today)."""

from odoo import SUPERUSER_ID, api
from odoo.addons.customer_portal_tickets.hooks import PORTAL_RULE, portal_rule


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["helpdesk.ticket"]._recompute_waiting_for_customer()
    rule = portal_rule(env)
    if rule:
        rule.domain_force = PORTAL_RULE
