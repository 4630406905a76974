"""18.0.1.4.0: the answer to an e-mail reply on a resolved ticket links the ticket page
without its access token (it may go to anyone who writes into the thread); its record is
noupdate, so it is reset from the data file here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    template = env.ref("customer_portal_tickets.mail_template_ticket_locked", False)
    if template:
        template.reset_template()
