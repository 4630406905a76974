"""helpdesk_mgmt's portal rule is ours to rewrite (security/helpdesk_ticket_rules.xml, the
18.0.1.3.0 migration) but not ours to remove: uninstalling this addon gives it back its
own domain, which does not name portal_customer_id (a field leaving with the addon)."""

PORTAL_RULE = "[('portal_customer_id', '=', user.commercial_partner_id.id)]"
HELPDESK_MGMT_PORTAL_RULE = """['|',
    ('partner_id', 'child_of', [user.commercial_partner_id.id]),
    ('message_partner_ids','child_of',[user.commercial_partner_id.id])]"""


def portal_rule(env):
    return env.ref("helpdesk_mgmt.helpdesk_ticket_rule_portal", raise_if_not_found=False)


def uninstall_hook(env):
    rule = portal_rule(env)
    if rule:
        rule.domain_force = HELPDESK_MGMT_PORTAL_RULE
