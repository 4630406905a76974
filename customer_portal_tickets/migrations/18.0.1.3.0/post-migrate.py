"""18.0.1.3.0: the waiting-for-the-customer flag became a stored field (set it from the
messages); helpdesk_mgmt's portal rule searches portal_customer_id (its record is
noupdate: an upgrade does not rewrite it, so it is written here)."""

from odoo import SUPERUSER_ID, api

PORTAL_RULE = "[('portal_customer_id', '=', user.commercial_partner_id.id)]"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["helpdesk.ticket"]._recompute_waiting_for_customer()
    rule = env.ref("helpdesk_mgmt.helpdesk_ticket_rule_portal", raise_if_not_found=False)
    if rule:
        rule.domain_force = PORTAL_RULE
