"""What a customer receives when Odoo refuses a call it reached outside the portal's
pages (JSON-RPC, exports) or when PostgreSQL does not answer: a translated message,
never a traceback nor a 500."""

import json
import xmlrpc.client
from unittest.mock import patch

import psycopg2
import requests

from odoo.http import RegistryError
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tests.common import Transport
from odoo.tools import config

from .common import SubscriptionCaseMixin

HOOKS = "odoo.addons.customer_portal_subscription.hooks"


@tagged("post_install", "-at_install")
class TestRefusedCallsAnswers(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_two_customers()
        cls.contact_a.lang = cls.contact_b.lang = "fr_FR"
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.staff = new_test_user(cls.env, login="staff_err", groups="base.group_user")

    def _rpc(self, path, params):
        response = self.url_open(
            path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 7}),
            headers={"Content-Type": "application/json"},
        )
        return response, response.json()

    def _call_kw(self, model, method, args, kwargs=None):
        return self._rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_refused_json_rpc_calls_carry_no_traceback_for_a_customer(self):
        self.authenticate("alpha", "alpha")
        calls = [
            # AccessError: another company's contact.
            ("res.partner", "write", [[self.contact_b.id], {"name": "Pris"}]),
            # MissingError: a record that does not exist.
            ("res.partner", "write", [[2_000_000_000], {"name": "Absent"}]),
            # A wrong call (TypeError in the ORM).
            ("res.partner", "read", [[self.contact_a.id], 42, 43, 44]),
        ]
        for model, method, args in calls:
            with self.subTest(method=method, args=args):
                response, body = self._call_kw(model, method, args)
                self.assertEqual(response.status_code, 200)
                self.assertIn("error", body)
                self.assertNotIn("debug", body["error"]["data"])
                self.assertNotIn("Traceback", response.text)
                self.assertTrue(body["error"]["data"]["message"])
        response, body = self._rpc(
            "/web/dataset/call_button",
            {"model": "res.partner", "method": "write", "args": [[self.contact_b.id], {}],
             "kwargs": {}},
        )  # fmt: skip
        self.assertNotIn("Traceback", response.text)
        self.assertNotIn("debug", body["error"]["data"])

    def test_the_message_of_a_refusal_stays_in_french(self):
        self.authenticate("alpha", "alpha")
        _response, body = self._call_kw(
            "res.partner", "write", [[self.contact_b.id], {"name": "Pris"}]
        )
        self.assertEqual(body["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertIn("Désolé", body["error"]["data"]["message"])

    def test_staff_still_get_the_traceback(self):
        self.authenticate("staff_err", "staff_err")
        _response, body = self._call_kw("res.partner", "read", [[1], 42, 43, 44])
        self.assertIn("Traceback", body["error"]["data"]["debug"])

    def test_a_failed_call_tells_a_customer_nothing_of_the_code_or_the_query(self):
        """Not one of Odoo's messages for users (a database error quotes the SQL query,
        a Python error the code): a customer reads a generic message, in French."""
        self.authenticate("alpha", "alpha")
        for args in ([["x"]], [[self.contact_a.id], 42, 43, 44]):
            with self.subTest(args=args):
                response, body = self._call_kw("res.partner", "read", args)
                data = body["error"]["data"]
                self.assertEqual(data["message"], "La demande n'a pas pu être traitée.")
                self.assertEqual(data["arguments"], ["La demande n'a pas pu être traitée."])
                self.assertNotIn("debug", data)
                for leak in ("res_partner", "WHERE", "SELECT", "positional", "Traceback"):
                    self.assertNotIn(leak, response.text)

    def test_staff_still_read_what_failed(self):
        self.authenticate("staff_err", "staff_err")
        _response, body = self._call_kw("res.partner", "read", [["x"]])
        self.assertIn("res_partner", body["error"]["data"]["message"])
        self.assertIn("Traceback", body["error"]["data"]["debug"])

    def _xmlrpc(self, path):
        return xmlrpc.client.ServerProxy(
            f"{self.base_url()}{path}", transport=Transport(self.cr), allow_none=True
        )

    def test_xml_rpc_faults_carry_no_traceback_for_a_customer(self):
        db, uid, password = get_db_name(), self.user_a.id, "alphaxxx"
        calls = [
            ("search", [[["bogus", "=", 1]]]),  # an unknown field
            ("read", [["x"]]),  # a database error quoting the query
            ("no_such_method", [[]]),
        ]
        for path in ("/xmlrpc/2/object", "/xmlrpc/object"):
            for method, args in calls:
                with self.subTest(path=path, method=method):
                    proxy = self._xmlrpc(path)
                    with self.assertRaises(xmlrpc.client.Fault) as fault:
                        proxy.execute_kw(db, uid, password, "res.partner", method, args)
                    text = f"{fault.exception.faultCode} {fault.exception.faultString}"
                    self.assertIn("La demande n'a pas pu être traitée.", text)
                    for leak in ("Traceback", ".py", "res_partner", "bogus", "no_such_method"):
                        self.assertNotIn(leak, text)
        # Odoo's messages for users stay, in the customer's language.
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._xmlrpc("/xmlrpc/2/object").execute_kw(
                db, uid, password, "res.partner", "write", [[self.contact_b.id], {"name": "Pris"}]
            )
        self.assertEqual(fault.exception.faultCode, 4)
        self.assertRegex(fault.exception.faultString, "Désolé|Vous n'êtes pas autorisé")
        self.assertNotIn("Traceback", fault.exception.faultString)

    def test_xml_rpc_naming_a_staff_user_without_the_password_gets_no_traceback(self):
        """The uid of an XML-RPC call is what the caller claims: a call that fails
        before Odoo checked its password (a password that is not a string) is hidden."""
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._xmlrpc("/xmlrpc/2/object").execute_kw(
                get_db_name(), self.staff.id, ["x"], "res.partner", "read", [["x"]]
            )
        self.assertNotIn("Traceback", fault.exception.faultString)
        self.assertNotIn("res_partner", fault.exception.faultString)
        # Nor does an anonymous call of the common service.
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._xmlrpc("/xmlrpc/2/common").authenticate(get_db_name(), "staff_err", ["x"], {})
        self.assertNotIn("Traceback", fault.exception.faultString)

    def test_staff_still_get_the_xml_rpc_traceback(self):
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._xmlrpc("/xmlrpc/2/object").execute_kw(
                get_db_name(), self.staff.id, "staff_err", "res.partner", "read", [["x"]]
            )
        self.assertIn("Traceback", fault.exception.faultString)
        self.assertIn("res_partner", fault.exception.faultString)

    def test_json_rpc_service_calls_are_answered_as_xml_rpc_ones(self):
        """/jsonrpc names its user in its parameters, as XML-RPC does."""
        db = get_db_name()
        for uid, password, hidden in ((self.user_a.id, "alphaxxx", True),
                                      (self.staff.id, "staff_err", False)):  # fmt: skip
            with self.subTest(password=password):
                response, body = self._rpc(
                    "/jsonrpc",
                    {"service": "object", "method": "execute_kw",
                     "args": [db, uid, password, "res.partner", "read", [["x"]]]},
                )  # fmt: skip
                data = body["error"]["data"]
                self.assertEqual("debug" not in data, hidden)
                self.assertEqual("res_partner" not in response.text, hidden)

    def test_exports_answer_a_translated_refusal_not_a_500(self):
        self.authenticate("alpha", "alpha")
        csrf = self._page_csrf("/my")
        data = json.dumps(
            {
                "model": "res.partner",
                "fields": [{"name": "name", "label": "Nom"}],
                "ids": False,
                "domain": [],
                "import_compat": False,
            }
        )
        for route in ("/web/export/csv", "/web/export/xlsx"):
            with self.subTest(route=route):
                response = self.url_open(route, data={"data": data, "csrf_token": csrf})
                self.assertEqual(response.status_code, 403)
                self.assertIn("est réservé à", response.text)
                self.assertNotIn("Traceback", response.text)

    def test_other_backend_routes_are_no_500(self):
        self.authenticate("alpha", "alpha")
        for path, params in (
            ("/web/action/load", {"action_id": "base.action_res_users"}),
            ("/web/dataset/call_button",
             {"model": "res.users", "method": "action_reset_password", "args": [[2]],
              "kwargs": {}}),
            ("/web/export/get_fields", {"model": "res.partner"}),
            ("/web/dataset/resequence", {"model": "res.partner", "ids": [1, 2]}),
        ):  # fmt: skip
            with self.subTest(path=path):
                response, _body = self._rpc(path, params)
                self.assertLess(response.status_code, 500)
                self.assertNotIn("Traceback", response.text)
        # A back-office route opened without its parameters (Odoo: a 500).
        response = self.url_open("/web/binary/upload_attachment")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Il manque à cette adresse", response.text)
        for path in ("/web/webclient/load_menus/1", "/odoo/action-base.action_res_users"):
            with self.subTest(path=path):
                self.assertLess(self.url_open(path).status_code, 500)


@tagged("post_install", "-at_install")
class TestDatabaseUnavailableAnswers(SubscriptionCaseMixin, HttpCase):
    """PostgreSQL does not answer: JSON routes get a JSON-RPC error, visitors a page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_two_customers()
        cls.contact_a.lang = "fr_FR"

    def _postgresql_down(self):
        def unreachable(request):
            try:
                raise psycopg2.OperationalError("connection to server failed: Connection refused")
            except psycopg2.OperationalError as error:
                raise RegistryError(f"Cannot get registry {request.db}") from error

        def no_list(force=False):
            raise psycopg2.OperationalError("connection to server failed: Connection refused")

        return (
            patch(f"{HOOKS}._open_registry", side_effect=unreachable, autospec=True),
            patch(f"{HOOKS}.postgresql_answers", return_value=False),
            patch("odoo.service.db.list_dbs", side_effect=no_list),
        )

    def test_a_json_route_gets_a_json_rpc_error(self):
        self.authenticate("alpha", "alpha")
        opened, answers, listed = self._postgresql_down()
        with opened, answers, listed:
            response = self.url_open(
                "/web/dataset/call_kw/res.partner/read",
                data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.headers.get("Retry-After"), "10")
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        error = response.json()["error"]
        self.assertIn("Revenez à la page précédente", error["message"])
        self.assertNotIn("debug", error["data"])

    def test_a_lost_connection_on_a_json_route_is_a_json_rpc_error_too(self):
        self.authenticate("alpha", "alpha")
        lost = psycopg2.OperationalError("server closed the connection unexpectedly")
        with patch("odoo.service.security.check_session", side_effect=lost):
            response = self.url_open(
                "/web/session/get_session_info",
                data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 503, response.text[:2000])
        self.assertIn("Revenez à la page précédente", response.json()["error"]["message"])

    def test_an_anonymous_visitor_gets_the_503_page_in_its_language(self):
        opened, answers, listed = self._postgresql_down()
        # One database picked by the filter, as in the product's set-up.
        with (
            opened,
            answers,
            listed,
            patch.dict(config.options, {"dbfilter": f"^{self.env.cr.dbname}$"}),
        ):
            response = requests.get(
                f"{self.base_url()}/my",
                headers={"Accept-Language": "fr-FR,fr;q=0.9"},
                allow_redirects=False,
                timeout=30,
            )
        self.assertEqual(response.status_code, 503)
        self.assertIn('lang="fr"', response.text)
        self.assertIn("Revenez à la page précédente", response.text)
