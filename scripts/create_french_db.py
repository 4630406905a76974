"""Creates an Odoo database whose company is French from the start, as Odoo's database
manager does when France is chosen: the company's country and currency (EUR) are set
before any accounting module is installed, so that installing `account` loads the
French chart of accounts and taxes (l10n_fr, 20 % VAT), and French is loaded before any
module but base, so that each module loads its French terms when it is installed.

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
        # French before any other module, as the database manager loads the language it
        # is given: every module installed afterwards loads its French terms with it.
        # Activated later (--load-language), the records of the modules installed before
        # (payment methods "Card", units "Units", taxes) stayed in English.
        odoo.tools.translate.load_language(cr, "fr_FR")


if __name__ == "__main__":
    main(*sys.argv[1:3])
