"""Process-level changes to Odoo's request handling (``post_load`` of the manifest).

Odoo has no hook for what happens before a database is open (an unreachable
PostgreSQL) nor for what its JSON-RPC errors and XML-RPC faults carry, so these wrap
functions of ``odoo.http`` and ``odoo.addons.base.controllers.rpc`` once per process.
A process may serve several databases: each wrapper acts only for a request whose
database has this addon installed, decided from the registries the process has loaded
(PostgreSQL may be what is down); an XML-RPC or /jsonrpc call names its database and
user in its parameters. Loaded as a server-wide module
(``--load=base,web,customer_portal_subscription``) the same hook runs at start-up
instead of at the first registry load; the behaviour is the same.
"""

import json
import xmlrpc.client
from html import escape

import psycopg2
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from odoo import exceptions, http, sql_db
from odoo.addons.base.controllers import rpc
from odoo.modules.registry import Registry
from odoo.service import db as db_service
from odoo.service import security

ADDON = "customer_portal_subscription"

# Written here, not read from the database's translations: the database is what is missing.
DATABASE_UNAVAILABLE = {
    "fr": "Le service est momentanément indisponible. Revenez à la page précédente : votre "
    "saisie y est conservée. Envoyez-la de nouveau dans un instant.",
    "en": "The service is briefly unavailable. Go back to the previous page: what you typed "
    "is still there. Send it again in a moment.",
}
BACK = {"fr": "Revenir à la page précédente", "en": "Back to the previous page"}
# What a share user reads instead of the text of an error that is not one of Odoo's
# messages for users (a database error quotes the SQL query, a Python error the code).
# Written here: the database's cursor may be what failed.
NOT_PROCESSED = {
    "fr": "La demande n'a pas pu être traitée.",
    "en": "The request could not be processed.",
}


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
_xmlrpc_fault_int = rpc.xmlrpc_handle_exception_int
_xmlrpc_fault_string = rpc.xmlrpc_handle_exception_string


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


def _short_lang(lang):
    return "fr" if (lang or "").lower().startswith("fr") else "en"


def _is_for_users(exception):
    """Whether ``exception`` is one of the errors Odoo writes for the people using it
    (its text is a message for them), not a failure of the code or the database."""
    return isinstance(
        exception,
        exceptions.UserError
        | exceptions.AccessDenied
        | HTTPException
        | http.SessionExpiredException
        | DatabaseUnavailable,
    )


def _rpc_caller(service, params, request_db=None, exception=None):
    """``(hide, lang)`` for an external RPC call (XML-RPC, /jsonrpc), whose caller is
    named by its parameters, not by a session: for the ``object`` service, ``(db, uid,
    password, ...)``. Odoo's answer is kept (``hide`` false) for a database without the
    addon, and for a staff user only once the call's credentials are checked again (a
    call that fails before Odoo checked them may name any uid). A caller who cannot be
    told, a share user, an unknown user, credentials Odoo refused: hidden."""
    params = params if isinstance(params, list | tuple) else ()
    if service == "object":
        db = params[0] if params and isinstance(params[0], str) else None
    elif service == "common":
        db = params[0] if params and isinstance(params[0], str) else request_db
    else:
        db = request_db
    if not installed_in(db):
        return False, "en"
    if service != "object":
        return True, "en"  # no user: the public
    try:
        uid, password = int(params[1]), params[2]
        with Registry(db).cursor() as cr:
            cr.execute(
                "SELECT u.share, p.lang FROM res_users u "
                "JOIN res_partner p ON p.id = u.partner_id WHERE u.id = %s",
                [uid],
            )
            row = cr.fetchone()
        if not row:
            return True, "en"
        share, lang = row
        if share or isinstance(exception, exceptions.AccessDenied):
            return True, _short_lang(lang)  # refused credentials: not checked twice
        security.check(db, uid, password)
        return False, _short_lang(lang)
    except Exception:  # noqa: BLE001 - the caller could not be told: safe side
        return True, "en"


def _request_lang(req):
    """The language of the request's user as far as it is known without the database:
    its context, its session's, its browser's."""
    try:
        for context in (
            getattr(getattr(req, "env", None), "context", None),
            getattr(getattr(req, "session", None), "context", None),
        ):
            lang = (context or {}).get("lang")
            if lang:
                return _short_lang(lang)
        return _short_lang(req.httprequest.accept_languages.best_match(["fr", "en"]))
    except Exception:  # noqa: BLE001 - no environment or no HTTP request
        return "en"


def _hide_details(exception):
    """``(hide, lang)``: whether the error being answered is for a share user (portal,
    public) of a database with the addon (Python's traceback and the text of a failure
    are for the developers), and the language of its user."""
    req = http.request
    if not req:
        return False, "en"
    try:
        if req.httprequest.path == "/jsonrpc":
            params = req.params or {}
            return _rpc_caller(params.get("service"), params.get("args"), req.db, exception)
    except Exception:  # noqa: BLE001 - its parameters could not be read: safe side
        return True, "en"
    registry = getattr(req, "registry", None)
    db = getattr(req, "db", None) or (registry and registry.db_name)
    if not installed_in(db):
        return False, "en"
    lang = _request_lang(req)
    session = getattr(req, "session", None)
    if not session or not session.uid:
        return True, lang  # the public user
    # Read before the endpoint ran (ir.http._pre_dispatch): after a database error
    # the request's cursor answers nothing more.
    remembered = getattr(req, "customer_portal_share", None)
    if remembered and remembered[0] == session.uid:
        return remembered[1], lang
    try:
        return req.env.user.share, lang
    except Exception:  # noqa: BLE001 - no environment or its cursor is gone: safe side
        return True, lang


def serialize_exception_for_user(exception):
    """Odoo's serialization of an error, for share users without ``debug`` (the
    traceback) and, unless the error is one of Odoo's messages for users (kept,
    translated where Odoo translated it), with a generic message instead of its text
    (a database error quotes the SQL query)."""
    data = _serialize_exception(exception)
    hide, lang = _hide_details(exception)
    if hide:
        data.pop("debug", None)
        if not _is_for_users(exception):
            message = NOT_PROCESSED[lang]
            data.update(message=message, arguments=(message,), context={})
    return data


def _xmlrpc_caller():
    """``(hide, lang)`` for the XML-RPC request being answered."""
    try:
        httprequest = http.request.httprequest
        service = httprequest.path.rstrip("/").rsplit("/", 1)[-1]
        params, _method = xmlrpc.client.loads(httprequest.get_data())
        return _rpc_caller(service, params, http.request.db)
    except Exception:  # noqa: BLE001 - no request or not XML-RPC: safe side
        return True, "en"


# The errors Odoo's XML-RPC faults carry as their message (the others: their traceback).
XMLRPC_MESSAGES = (exceptions.UserError, exceptions.AccessDenied)


def xmlrpc_fault_int(e):
    """Odoo's XML-RPC fault (``/xmlrpc/2``), without the traceback for a share user:
    Odoo's messages for users as Odoo sends them, a generic message for the rest."""
    hide, lang = (False, "en") if isinstance(e, XMLRPC_MESSAGES) else _xmlrpc_caller()
    if not hide:
        return _xmlrpc_fault_int(e)
    return rpc.dumps(xmlrpc.client.Fault(rpc.RPC_FAULT_CODE_APPLICATION_ERROR, NOT_PROCESSED[lang]))


def xmlrpc_fault_string(e):
    """Odoo's XML-RPC fault of the historical ``/xmlrpc`` (fault codes as strings), as
    :func:`xmlrpc_fault_int`."""
    hide, lang = (False, "en") if isinstance(e, XMLRPC_MESSAGES) else _xmlrpc_caller()
    if not hide:
        return _xmlrpc_fault_string(e)
    return rpc.dumps(xmlrpc.client.Fault(NOT_PROCESSED[lang], NOT_PROCESSED[lang]))


def post_load():
    """Wrap Odoo's request handling, once per process."""
    if http.Request._open_registry is not _open_registry_or_unavailable:
        http.Request._open_registry = _open_registry_or_unavailable
    if http.db_list is not db_list_or_loaded:
        http.db_list = db_list_or_loaded
    if http.serialize_exception is not serialize_exception_for_user:
        http.serialize_exception = serialize_exception_for_user
    # The XML-RPC routes call these as globals of their module.
    if rpc.xmlrpc_handle_exception_int is not xmlrpc_fault_int:
        rpc.xmlrpc_handle_exception_int = xmlrpc_fault_int
    if rpc.xmlrpc_handle_exception_string is not xmlrpc_fault_string:
        rpc.xmlrpc_handle_exception_string = xmlrpc_fault_string
