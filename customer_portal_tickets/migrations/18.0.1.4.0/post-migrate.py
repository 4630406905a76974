"""18.0.1.4.0, on records that are noupdate:
- helpdesk_mgmt's portal rule reads portal_partner_ids (filled by the pre-migration);
- the answer to an e-mail reply on a resolved ticket links the ticket page without its
  access token (it may go to anyone who writes into the thread): reset from the data file.
"""

from odoo import SUPERUSER_ID, api
from odoo.addons.customer_portal_tickets.hooks import PORTAL_RULE, portal_rule


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = portal_rule(env)
    if rule:
        rule.domain_force = PORTAL_RULE
    template = env.ref("customer_portal_tickets.mail_template_ticket_locked", False)
    if template:
        template.reset_template()
