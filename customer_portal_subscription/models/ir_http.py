from html import escape

import psycopg2
from werkzeug.exceptions import ServiceUnavailable

from odoo import http, models, sql_db
from odoo.exceptions import AccessDenied
from odoo.http import request
from odoo.modules.registry import Registry

# Written here, not read from the database's translations: the database is what is missing.
DATABASE_UNAVAILABLE = {
    "fr": "Le service est momentanément indisponible. Revenez à la page précédente : votre "
    "saisie y est conservée. Envoyez-la de nouveau dans un instant.",
    "en": "The service is briefly unavailable. Go back to the previous page: what you typed "
    "is still there. Send it again in a moment.",
}
BACK = {"fr": "Revenir à la page précédente", "en": "Back to the previous page"}


class DatabaseUnavailable(ServiceUnavailable):
    """The database did not answer: a page made without it (no template, no
    translation from the database)."""

    def __init__(self, lang):
        self.lang = "fr" if (lang or "").startswith("fr") else "en"
        super().__init__(DATABASE_UNAVAILABLE[self.lang])

    # Its own page (werkzeug answers with it): Odoo's error pages are templates, read
    # from the database that is away.
    def get_body(self, environ=None, scope=None):
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f'<title>503</title></head><body style="font-family: sans-serif; max-width: '
            f'40rem; margin: 4rem auto"><p>{escape(self.description)}</p>'
            f'<p><a href="javascript:history.back()">{BACK[self.lang]}</a></p></body></html>'
        )

    def get_headers(self, environ=None, scope=None):
        return [("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "10")]


def postgresql_answers():
    """Whether the PostgreSQL server answers at all (its maintenance database)."""
    try:
        with sql_db.db_connect("postgres").cursor() as cr:
            cr.execute("SELECT 1")
        return True
    except psycopg2.Error:
        return False


_open_registry = http.Request._open_registry


def _open_registry_or_unavailable(self):
    """Odoo takes a database it cannot open for a database that is gone: it logs the
    customer out and answers 404 (or the login page). While PostgreSQL restarts, the
    database is not gone: a 503 page in the customer's language says to go back and
    send again, and the session stays. A database this process never opened, or one
    PostgreSQL says is missing while it answers, goes to Odoo as before."""
    try:
        return _open_registry(self)
    except http.RegistryError as error:
        if (
            isinstance(error.__cause__, psycopg2.OperationalError)
            and self.db in Registry.registries
            and not postgresql_answers()
        ):
            raise DatabaseUnavailable((self.session.context or {}).get("lang")) from error
        raise


http.Request._open_registry = _open_registry_or_unavailable


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's chatter is mail's JavaScript ("The conversation is empty.",
        "Today at …"): without mail's translations customers read it in English."""
        return super()._get_translation_frontend_modules_name() + ["mail"]

    @classmethod
    def _authenticate_explicit(cls, auth):
        """While PostgreSQL restarts, checking a session fails and Odoo takes the user for
        logged out: a form being sent goes to the login page, its text lost. A 503 that
        says so instead: back in the browser, the form still holds what was typed."""
        try:
            return super()._authenticate_explicit(auth)
        except AccessDenied as denied:
            if not isinstance(denied.__context__, psycopg2.OperationalError):
                raise
            lang = (request.session.context or {}).get("lang")
            raise DatabaseUnavailable(lang) from denied

    @classmethod
    def _handle_error(cls, exception):
        if isinstance(exception, DatabaseUnavailable) and request.dispatcher.routing_type == "http":
            return exception  # its own page; JSON routes get Odoo's JSON error
        return super()._handle_error(exception)
