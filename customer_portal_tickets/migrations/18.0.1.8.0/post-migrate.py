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
    env["helpdesk.ticket"]._recompute_portal_states()
