"""18.0.1.8.0: one state vocabulary for customers. A ticket's portal state is no longer
its stage's: a rejected or cancelled stage reads as such (no longer "resolved"), and a
ticket waits for the customer when support wrote last or put it in a waiting stage (the
flag the "Waiting for my reply" filter reads). helpdesk_mgmt's cancelled and rejected
stages are noupdate records (the data file does not update them): set here, when they
still read resolved. The flag and the state of every ticket are set again here (the
state was a related field: the upgrade computes nothing)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, state in (
        ("helpdesk_mgmt.helpdesk_ticket_stage_cancelled", "cancelled"),
        ("helpdesk_mgmt.helpdesk_ticket_stage_rejected", "rejected"),
    ):
        stage = env.ref(xmlid, raise_if_not_found=False)
        if stage and stage.closed and stage.portal_state == "resolved":
            stage.portal_state = state
    tickets = env["helpdesk.ticket"].with_context(active_test=False)
    tickets._recompute_waiting_for_customer()
    cr.execute("SELECT id FROM helpdesk_ticket")
    every = tickets.browse([row[0] for row in cr.fetchall()])
    for field in ("portal_state", "portal_state_sequence"):
        env.add_to_compute(tickets._fields[field], every)
    every.flush_recordset(["portal_state", "portal_state_sequence"])
