import re
from unittest.mock import patch

import psycopg2

from odoo.http import RegistryError
from odoo.tests import HttpCase, tagged

from .. import hooks as ir_http
from .common import SubscriptionCaseMixin

IR_HTTP = "odoo.addons.customer_portal_subscription.hooks"


@tagged("post_install", "-at_install")
class TestPortalHomeDetails(SubscriptionCaseMixin, HttpCase):
    """The *Details* box of the portal home, for each kind of customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls.env.company.write(
            {
                "support_phone_4": "+33 1 00 00 00 04",
                "support_hours_4": "Mon-Fri 9-17",
                "support_phone_5": "+33 1 00 00 00 05",
                "support_hours_5": "Mon-Sat 8-20",
            }
        )
        cls.customers = {}
        for level in ("3", "4", "5"):
            company, _contact, _user = cls._customer(f"Customer {level}", f"portal{level}")
            cls._subscription(company, cls.licence, cls.plans[level])
            cls.customers[level] = company
        cls._customer("No subscription SA", "portal0")

    def _box(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        match = re.search(
            r'<div class="o_portal_support_programme.*?</div>\s*</div>', response.text, re.S
        )
        return match and match.group(0)

    def test_four_and_five_stars_see_code_phone_and_hours(self):
        for level, phone, hours, other_phone in (
            ("4", "+33 1 00 00 00 04", "Mon-Fri 9-17", "+33 1 00 00 00 05"),
            ("5", "+33 1 00 00 00 05", "Mon-Sat 8-20", "+33 1 00 00 00 04"),
        ):
            with self.subTest(level=level):
                box = self._box(f"portal{level}")
                self.assertTrue(box)
                code = self.customers[level].sudo().support_access_code
                self.assertIn(code, box)
                self.assertIn(phone, box)
                self.assertIn(hours, box)
                self.assertNotIn(other_phone, box)
                self.assertEqual(box.count("fa-star"), int(level))

    def test_three_stars_see_level_and_tickets_no_code(self):
        box = self._box("portal3")
        self.assertTrue(box)
        self.assertEqual(box.count("fa-star"), 3)
        self.assertIn("Support is given through tickets", box)
        self.assertNotIn("access code", box)
        self.assertNotIn("+33 1 00 00 00 0", box)

    def test_no_subscription_no_box(self):
        self.assertIsNone(self._box("portal0"))

    def test_box_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        user = self.env["res.users"].search([("login", "=", "portal4")])
        user.lang = "fr_FR"
        box = self._box("portal4")
        self.assertIn("Votre code d'accès", box.replace("&#39;", "'"))
        self.assertIn("Programme 4 étoiles", box)


@tagged("post_install", "-at_install")
class TestDatabaseUnavailable(SubscriptionCaseMixin, HttpCase):
    """PostgreSQL restarting while a logged-in customer sends a form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        cls.contact_a.lang = "fr_FR"

    def test_a_lost_connection_answers_503_not_the_login_page(self):
        self.authenticate("alpha", "alpha")
        self.assertEqual(self.url_open("/my").status_code, 200)
        lost = psycopg2.OperationalError("server closed the connection unexpectedly")
        with patch("odoo.service.security.check_session", side_effect=lost):
            response = self.url_open(
                "/my/account", data={"name": "Texte tapé"}, allow_redirects=False
            )
        self.assertEqual(response.status_code, 503)
        self.assertIn("Revenez à la page précédente", response.text)
        # The session survives: once the database is back, the customer is still in.
        page = self.url_open("/my")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("/web/login", page.url)

    def _registry_unreachable(self):
        """Opening the database fails as it does while PostgreSQL restarts."""

        def unreachable(request):
            try:
                raise psycopg2.OperationalError("connection to server failed: Connection refused")
            except psycopg2.OperationalError as error:
                raise RegistryError(f"Cannot get registry {request.db}") from error

        return patch(f"{IR_HTTP}._open_registry", side_effect=unreachable, autospec=True)

    def test_database_unreachable_before_any_route_answers_503_and_keeps_the_session(self):
        """Before any route, Odoo took an unreachable database for a missing one: it
        logged the customer out and answered 404."""
        self.authenticate("alpha", "alpha")
        with (
            self._registry_unreachable(),
            patch(f"{IR_HTTP}.postgresql_answers", return_value=False),
        ):
            response = self.url_open("/my/support/new/incident", allow_redirects=False)
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.headers.get("Retry-After"), "10")
        self.assertIn("Revenez à la page précédente", response.text)
        page = self.url_open("/my")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("/web/login", page.url)

    def test_database_missing_while_postgresql_answers_is_left_to_odoo(self):
        self.assertTrue(ir_http.postgresql_answers(), "the real server answers")
        self.authenticate("alpha", "alpha")
        with self._registry_unreachable():
            response = self.url_open("/my", allow_redirects=False)
        self.assertNotEqual(response.status_code, 503)

    def test_a_refused_session_still_goes_to_the_login_page(self):
        self.authenticate("alpha", "alpha")
        with patch("odoo.service.security.check_session", return_value=False):
            response = self.url_open("/my/account")
        self.assertIn("/web/login", response.url)
