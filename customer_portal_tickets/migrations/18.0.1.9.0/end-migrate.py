"""18.0.1.9.0: French customers read English where the database was built with
`--load-language=fr_FR` after modules were installed (our scripts did that until now):
Odoo loads the terms of a language asked that way while only `base` is loaded and skips
every other model's, so uom's "Units" and "Hours", the French chart's "VAT 20%",
account's invoice e-mail, portal's invitation... kept only their English. Those terms
are loaded again for every installed language, without changing a translation that
exists. An end script: it runs once every module is loaded (all their models known)."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if not langs:
        return
    _logger.info("Loading the missing terms of the installed modules in %s", langs)
    modules = env["ir.module.module"].search([("state", "=", "installed")])
    modules._update_translations(langs, overwrite=False)
