"""helpdesk_mgmt's portal rule is ours to rewrite (security/helpdesk_ticket_rules.xml, the
migrations) but not ours to remove: uninstalling this addon gives it back its own domain,
which does not name portal_partner_ids (a field leaving with the addon)."""

# The same domain as security/helpdesk_ticket_rules.xml: the customer company's tickets
# and the tickets the user's own contact is in copy of.
PORTAL_RULE = "[('portal_partner_ids', 'in', [user.partner_id.id, user.commercial_partner_id.id])]"
HELPDESK_MGMT_PORTAL_RULE = """['|',
    ('partner_id', 'child_of', [user.commercial_partner_id.id]),
    ('message_partner_ids','child_of',[user.commercial_partner_id.id])]"""


def portal_rule(env):
    return env.ref("helpdesk_mgmt.helpdesk_ticket_rule_portal", raise_if_not_found=False)


def post_init_hook(env):
    """Tickets that exist before this addon (helpdesk_mgmt's demo, a live helpdesk's)
    get their flag "waiting for the customer" and their portal state from their stage
    and messages, as the tickets created afterwards do."""
    env["helpdesk.ticket"]._recompute_portal_states()


def uninstall_hook(env):
    rule = portal_rule(env)
    if rule:
        rule.domain_force = HELPDESK_MGMT_PORTAL_RULE
