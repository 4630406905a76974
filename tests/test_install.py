"""The five addons install together on an empty database, without a single warning,
and uninstall cleanly."""

import json
import re

from helpers import ADDONS

# Lines Odoo logs at WARNING or above; "Running as user 'root'" is a print, not a log.
PROBLEM = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ", re.M)

UNINSTALL = """
modules = env['ir.module.module'].search([('name', 'in', %r)])
modules.button_immediate_uninstall()
env.cr.commit()
"""

CHECK = """
import json
modules = env['ir.module.module'].search([('name', 'in', %r)])
models = env['ir.model'].search([('modules', 'ilike', 'customer_portal_')])
fields = env['ir.model.fields'].search([
    '|',
    ('name', 'in', ['support_star_level', 'support_access_code', 'support_phone_4']),
    '&',
    ('model', '=', 'sale.subscription'),
    ('name', 'in', ['access_token', 'payment_token_id', 'is_to_renew']),
])
print('RESULT ' + json.dumps({
    'states': sorted(set(modules.mapped('state'))),
    'fields': fields.mapped('model'),
    'data': env['ir.model.data'].search_count([('module', 'in', %r)]),
    'helpdesk': env['ir.module.module'].search([('name', '=', 'helpdesk_mgmt')]).state,
}))
"""


def test_install_and_uninstall_cleanly(odoo_bin, scratch_db):
    installed = odoo_bin(
        "-d",
        scratch_db,
        "-i",
        ",".join(ADDONS),
        "--without-demo=all",
        "--stop-after-init",
        "--log-level=warn",
        "--http-port=0",
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    problems = PROBLEM.findall(installed.stdout + installed.stderr)
    assert not problems, installed.stdout + installed.stderr

    uninstalled = odoo_bin(
        "shell",
        "-d",
        scratch_db,
        "--log-level=warn",
        "--no-http",
        stdin=UNINSTALL % (list(ADDONS),),
    )
    assert uninstalled.returncode == 0, uninstalled.stdout + uninstalled.stderr
    assert not PROBLEM.findall(uninstalled.stdout + uninstalled.stderr), (
        uninstalled.stdout + uninstalled.stderr
    )

    checked = odoo_bin(
        "shell",
        "-d",
        scratch_db,
        "--log-level=warn",
        "--no-http",
        stdin=CHECK % (list(ADDONS), list(ADDONS)),
    )
    line = next(ln for ln in checked.stdout.splitlines() if ln.startswith("RESULT "))

    result = json.loads(line[len("RESULT ") :])
    assert result["states"] == ["uninstalled"]
    assert result["fields"] == [], "fields of the addons are left behind"
    assert result["data"] == 0, "records of the addons are left behind"
    # What the addons depend on stays installed.
    assert result["helpdesk"] == "installed"
