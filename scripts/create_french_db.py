"""Creates an Odoo database whose company is French from the start, as Odoo's database
manager does when France is chosen: the company's country and currency (EUR) are set
before any accounting module is installed, so that installing `account` loads the
French chart of accounts and taxes (l10n_fr, 20 % VAT).

French is loaded here, once the registry is complete (as the database manager does),
so that every module installed afterwards gets its French terms with it.
`--load-language=fr_FR` on a later `-i` is too late for the modules installed before
it: it runs while only `base` is loaded, and Odoo skips the terms of every model not
loaded yet (uom's "Units", the chart's "VAT 20%", account's invoice e-mail...).

Usage: python create_french_db.py CONFIG DATABASE"""

import sys

import odoo
from odoo.service import db as db_service


def main(config, database):
    odoo.tools.config.parse_config(["-c", config])
    db_service._create_empty_database(database)
    db_service._initialize_db(
        None, database, True, "en_US", "admin", login="admin", country_code="FR"
    )
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        if (company.country_id.code, company.currency_id.name) != ("FR", "EUR"):
            sys.exit(f"{database}: the company is not French ({company.currency_id.name})")
        env["res.lang"]._activate_lang("fr_FR")
        env["ir.module.module"].search([("state", "=", "installed")])._update_translations("fr_FR")


if __name__ == "__main__":
    main(*sys.argv[1:3])
