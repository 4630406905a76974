"""Portal list cells printed without t-field.

QWeb's t-field prepares, for every cell it prints, the field's description, the reader's
language and Babel's locale (read from disk): on a list of 80 rows that is half the
page's time. A list prepares these once per page and prints its cells with them.
"""

from datetime import datetime

import babel.dates

from odoo import fields
from odoo.tools.misc import babel_locale_parse, format_amount, get_lang, posix_to_ldml


class CellFormatters:
    """Dates and amounts as t-field prints them (widgets "date" and "monetary"), in the
    language and time zone of ``env``'s user."""

    def __init__(self, env):
        self.env = env
        self.lang = get_lang(env)
        self.locale = babel_locale_parse(self.lang.code)
        self.pattern = posix_to_ldml(self.lang.date_format, locale=self.locale)

    def date(self, value):
        """A date, or a datetime as the date it is in the reader's time zone."""
        if not value:
            return ""
        if isinstance(value, datetime):
            value = fields.Datetime.context_timestamp(self.env["res.lang"], value)
        return babel.dates.format_date(value, format=self.pattern, locale=self.locale)

    def amount(self, value, currency):
        """An amount with its currency symbol, as the reader's language writes it."""
        return format_amount(self.env, value or 0.0, currency, self.lang.code)

    def labels(self, model, field_name):
        """{value: label} of a selection field, in the reader's language."""
        field = self.env[model]._fields[field_name]
        return dict(field._description_selection(self.env))
