"""Process-level changes to Odoo's request handling (``post_load`` of the manifest).

Odoo has no hook for what happens before a database is open (an unreachable
PostgreSQL) nor for what its JSON-RPC errors carry, so these wrap functions of
``odoo.http`` once per process. A process may serve several databases: each wrapper
acts only for a request whose database has this addon installed, decided from the
registries the process has loaded (PostgreSQL may be what is down). Loaded as a
server-wide module (``--load=base,web,customer_portal_subscription``) the same hook
runs at start-up instead of at the first registry load; the behaviour is the same.
"""

import json
from html import escape

import psycopg2
from werkzeug.exceptions import ServiceUnavailable

from odoo import http, sql_db
from odoo.modules.registry import Registry
from odoo.service import db as db_service

ADDON = "customer_portal_subscription"

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
    translation from the database); a JSON-RPC error for a JSON request."""

    def __init__(self, lang):
        self.lang = "fr" if (lang or "").startswith("fr") else "en"
        super().__init__(DATABASE_UNAVAILABLE[self.lang])

    @staticmethod
    def _is_json(environ):
        mimetype = ((environ or {}).get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        return mimetype in http.JSON_MIMETYPES

    # Its own page (werkzeug answers with it): Odoo's error pages are templates, read
    # from the database that is away.
    def get_body(self, environ=None, scope=None):
        if self._is_json(environ):
            # JSON-RPC's error shape, as Odoo's own errors: the web client and the
            # portal's widgets show its message.
            return json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": None,
                    "error": {
                        "code": 503,
                        "message": self.description,
                        "data": {
                            "name": "odoo.http.DatabaseUnavailable",
                            "message": self.description,
                            "arguments": [self.description],
                            "context": {},
                        },
                    },
                }
            )
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f'<title>503</title></head><body style="font-family: sans-serif; max-width: '
            f'40rem; margin: 4rem auto"><p>{escape(self.description)}</p>'
            f'<p><a href="javascript:history.back()">{BACK[self.lang]}</a></p></body></html>'
        )

    def get_headers(self, environ=None, scope=None):
        content_type = (
            "application/json; charset=utf-8"
            if self._is_json(environ)
            else "text/html; charset=utf-8"
        )
        return [("Content-Type", content_type), ("Retry-After", "10")]


def installed_in(db):
    """Whether ``db`` is a database this process has loaded with the addon."""
    registry = Registry.registries.get(db) if db else None
    return bool(registry) and ADDON in registry._init_modules


def postgresql_answers():
    """Whether the PostgreSQL server answers at all (its maintenance database)."""
    try:
        with sql_db.db_connect("postgres").cursor() as cr:
            cr.execute("SELECT 1")
        return True
    except psycopg2.Error:
        return False


# Odoo's own functions, kept once: the hook may run again (each registry load imports
# the addon's hook, a server-wide load runs it first), it never wraps twice.
_open_registry = http.Request._open_registry
_db_list = http.db_list
_serialize_exception = http.serialize_exception


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
            and installed_in(self.db)
            and not postgresql_answers()
        ):
            raise DatabaseUnavailable((self.session.context or {}).get("lang")) from error
        raise


def db_list_or_loaded(force=False, host=None):
    """Odoo's ``db_list``, except while PostgreSQL does not answer: Odoo then lists no
    database, and a visitor without a session gets a 404 or the "database manager
    disabled" page. The databases this process has loaded with the addon are still
    there: the one the filter (dbfilter, db_name) picks then answers its 503 page."""
    try:
        dbs = db_service.list_dbs(force)
    except psycopg2.OperationalError:
        dbs = [db for db in list(Registry.registries) if installed_in(db)]
    return http.db_filter(dbs, host)


def _hide_traceback():
    """Whether the error being answered is for a share user (portal, public) of a
    database with the addon: Python's traceback is for the developers."""
    req = http.request
    if not req:
        return False
    registry = getattr(req, "registry", None)
    db = getattr(req, "db", None) or (registry and registry.db_name)
    if not installed_in(db):
        return False
    session = getattr(req, "session", None)
    if not session or not session.uid:
        return True  # the public user
    try:
        return req.env.user.share
    except Exception:  # noqa: BLE001 - no environment or its cursor is gone: safe side
        return True


def serialize_exception_for_user(exception):
    """Odoo's serialization of an error, without ``debug`` (the traceback) for share
    users; the message stays, translated where Odoo translated it."""
    data = _serialize_exception(exception)
    if _hide_traceback():
        data.pop("debug", None)
    return data


def post_load():
    """Wrap Odoo's request handling, once per process."""
    if http.Request._open_registry is not _open_registry_or_unavailable:
        http.Request._open_registry = _open_registry_or_unavailable
    if http.db_list is not db_list_or_loaded:
        http.db_list = db_list_or_loaded
    if http.serialize_exception is not serialize_exception_for_user:
        http.serialize_exception = serialize_exception_for_user
