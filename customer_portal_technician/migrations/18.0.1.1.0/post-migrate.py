"""18.0.1.1.0: the queue's deadline of a ticket includes the deadlines the breach job
marked expired (they were left out, so breached tickets sorted last): computed again
for the open tickets that have SLA lines."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Ticket = env["helpdesk.ticket"]
    tickets = Ticket.search([("closed", "=", False), ("ticket_sla_ids", "!=", False)])
    env.add_to_compute(Ticket._fields["queue_deadline"], tickets)
    tickets._recompute_recordset(["queue_deadline"])
