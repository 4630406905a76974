import inspect

import psycopg2
import werkzeug.exceptions

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
    def _pre_dispatch(cls, rule, args):
        """A JSON request over its route's size limit is refused before its body is
        read, with a translated message: werkzeug's 413 reaches Odoo's JavaScript as
        an error it does not show to portal users. A route that answers its errors as
        ``{"error": message}`` (as portal.signature_form reads them) declares
        ``too_large_answer="result"``."""
        super()._pre_dispatch(rule, args)
        request.customer_portal_endpoint = rule.endpoint  # for _missing_parameters
        # For the errors of the request (hooks.serialize_exception_for_user): whether
        # its user is a share user, read while the request's cursor still answers.
        request.customer_portal_share = (request.env.uid, request.env.user.share)
        httprequest = request.httprequest
        limit = httprequest.max_content_length
        if (
            request.dispatcher.routing_type != "json"
            or not limit
            or (httprequest.content_length or 0) <= limit
        ):
            return
        message = request.env._(
            "What you sent is larger than %(size)s MB, the most this page accepts: "
            "nothing was saved.",
            size=max(1, limit // (1024 * 1024)),
        )
        payload = {"jsonrpc": "2.0", "id": None}
        if rule.endpoint.routing.get("too_large_answer") == "result":
            payload["result"] = {"error": message}
        else:
            payload["error"] = {
                "code": 413,
                "message": message,
                "data": {
                    "name": "werkzeug.exceptions.RequestEntityTooLarge",
                    "message": message,
                    "arguments": [message],
                    "context": {},
                },
            }
        # Answered as is (abort with a response bypasses the error handlers).
        werkzeug.exceptions.abort(request.make_json_response(payload, status=413))

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
    def _missing_parameters(cls):
        """The parameters the endpoint of the request requires and did not get."""
        endpoint = getattr(request, "customer_portal_endpoint", None)
        function = getattr(endpoint, "original_endpoint", None)
        if function is None:
            return []
        parameters = list(inspect.signature(function).parameters.values())[1:]  # self
        given = getattr(request, "params", None) or {}
        return [
            p.name
            for p in parameters
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            and p.default is p.empty
            and p.name not in given
        ]

    @classmethod
    def _handle_error(cls, exception):
        if isinstance(exception, DatabaseUnavailable):
            return exception  # its own page, or its JSON-RPC error for a JSON route
        if (
            isinstance(exception, TypeError)
            and request.dispatcher.routing_type == "http"
            and request.env.user.share
            and cls._missing_parameters()
        ):
            # A back-office address opened without what it needs (Odoo: a 500).
            exception = werkzeug.exceptions.BadRequest(
                request.env._(
                    "This address is missing information the page needs: open it from "
                    "your customer portal."
                )
            )
        return super()._handle_error(exception)
