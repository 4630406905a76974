from . import controllers, models, wizards


def post_init_hook(env):
    """Open tickets that arrived before the SLA matrix existed get their deadlines. The
    hook runs after the demo data: the lines of a ticket that still apply stay as they
    are (set_sla deletes and creates them again: a breach already recorded would be
    recorded again, by a second note)."""
    tickets = env["helpdesk.ticket"].search(
        [("closed", "=", False), ("team_id.use_sla", "=", True)]
    )
    tickets.filtered(lambda t: not t.ticket_sla_ids).set_sla()
    for ticket in tickets.filtered("ticket_sla_ids"):
        ticket.refresh_sla()
    # The deadlines already passed are recorded now (as the job would in ten minutes),
    # after the translations of the addon are loaded: the notes read the SLA's name in
    # the technician's language.
    env["helpdesk.ticket.sla"]._cron_record_breaches()


def uninstall_hook(env):
    """Gives back what this addon changed in helpdesk_mgmt: its Helpdesk menu opens on
    its first submenu again (it has no action of its own) instead of the queue, whose
    action goes with this addon (a menu pointing at a deleted action breaks the
    backend's menus for every user)."""
    menu = env.ref("helpdesk_mgmt.helpdesk_ticket_main_menu", raise_if_not_found=False)
    queue = env.ref("customer_portal_technician.action_ticket_queue", raise_if_not_found=False)
    if menu and queue and menu.action == queue:
        menu.action = False
    # The SLA matrix goes with this addon: the tickets' lines of its cells first (their
    # foreign key refuses the cells' deletion, which left two cells applying to every
    # new ticket).
    cells = env["ir.model.data"].search(
        [("module", "=", "customer_portal_technician"), ("model", "=", "helpdesk.sla")]
    )
    env["helpdesk.ticket.sla"].search([("sla_id", "in", cells.mapped("res_id"))]).unlink()
