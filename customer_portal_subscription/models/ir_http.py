import psycopg2

from odoo import models
from odoo.exceptions import AccessDenied
from odoo.http import request

from ..hooks import DatabaseUnavailable, post_load


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def _register_hook(self):
        """The manifest's post_load, once more (it does nothing twice): Odoo skips
        post_load when the package was imported before the registry loaded it, as
        test runners and scripts importing the addon do."""
        post_load()
        return super()._register_hook()

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
        if isinstance(exception, DatabaseUnavailable):
            return exception  # its own page, or its JSON-RPC error for a JSON route
        return super()._handle_error(exception)
