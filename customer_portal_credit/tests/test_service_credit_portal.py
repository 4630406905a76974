"""The service credit as customers see it: home card, /my/credit, the service-request
form and the ticket page; each company sees its own only."""

import re

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditCase


@tagged("post_install", "-at_install")
class TestServiceCreditPortal(CreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pack_a = cls._pack(cls.company_a, 10)
        cls.service_a = cls._request(cls.contact_a, name="Paramétrage des pauses")
        cls.incident_a = cls._request(cls.contact_a, "incident", "Panne", urgency="low")
        cls.pack_b = cls._pack(cls.company_b, 4)
        cls.service_b = cls._request(cls.contact_b, name="Secret de Beta")

    def setUp(self):
        super().setUp()
        self._log(self.service_a, 2.0)
        self._log(self.service_a, 1.5)
        self._log(self.incident_a, 1.0)
        self._log(self.service_b, 1.0)

    def test_card_and_page(self):
        self.authenticate("alpha", "alpha")
        home = self.url_open("/my").text
        self.assertIn("/my/credit", home)
        self.assertIn("6 h 30 remaining out of 10 h", home)
        page = self.url_open("/my/credit").text
        self.assertIn("6 h 30 remaining out of 10 h", page)
        self.assertIn('aria-valuenow="65"', page)
        self.assertIn("Pack 10 h", page)
        self.assertIn("3 h 30", page, "used")
        self.assertEqual(page.count("o_credit_history_line"), 2, "incident time is not listed")
        self.assertIn(f"/my/ticket/{self.service_a.id}", page)
        self.assertIn(self.service_a.number, page)
        self.assertIn("Karim", page)
        self.assertNotIn("Technicien", page, "first name only")
        self.assertIn("/my/support/new/administrative?subject=Service+credit+top-up", page)
        department = self.env.ref("customer_portal_tickets.department_sales")
        self.assertIn(f"department_id={department.id}", page)

    def test_an_expired_pack_reads_expired_not_its_hours(self):
        """A pack past its validity: its row reads expired where the hours left show on
        a pack in use (its 10 h can no longer be used)."""
        expired = self._pack(self.company_a, 10, months_ago=13)
        self.assertTrue(expired._service_credit_is_expired())
        self.authenticate("alpha", "alpha")
        page = self.url_open("/my/credit").text
        rows = re.findall(r'<tr class="o_credit_pack[^"]*".*?</tr>', page, re.S)
        self.assertEqual(len(rows), 2, page)
        remaining = {}
        for row in rows:
            cell = re.search(r'o_credit_pack_remaining">(.*?)</td>', row, re.S).group(1)
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()
            remaining["o_credit_pack_expired" in row] = text
        self.assertEqual(remaining[True], "Expired")
        self.assertEqual(remaining[False], "6 h 30")

    def test_buy_more_opens_the_prefilled_request_to_sales(self):
        self.authenticate("alpha", "alpha")
        department = self.env.ref("customer_portal_tickets.department_sales")
        form = self.url_open(
            f"/my/support/new/administrative?subject=Service+credit+top-up&department_id={department.id}"
        ).text
        self.assertIn('value="Service credit top-up"', form)
        self.assertIn(f'value="{department.id}" selected', form)

    def test_customers_who_never_bought_see_nothing(self):
        self._customer("Gamma SA", "gamma")
        self.authenticate("gamma", "gamma")
        self.assertNotIn("/my/credit", self.url_open("/my").text)
        self.assertEqual(self.url_open("/my/credit").status_code, 404)
        self.assertNotIn("o_support_credit", self.url_open("/my/support/new/service").text)

    def test_each_company_sees_its_own_credit(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open("/my/credit").text
        self.assertNotIn(self.service_b.number, page)
        self.assertNotIn("Secret de Beta", page)
        self.authenticate("beta", "beta")
        page = self.url_open("/my/credit").text
        self.assertIn("3 h remaining out of 4 h", page)
        self.assertNotIn(self.service_a.number, page)
        self.assertNotIn(f"/my/ticket/{self.service_a.id}", page)
        # Time entries carry internal notes and costs: customers have no right on them.
        Line = self.env["account.analytic.line"].with_user(self.user_b)
        with self.assertRaises(AccessError):
            Line.search([("so_line.is_service_credit", "=", True)])
        packs = (
            self.env["sale.order.line"]
            .with_user(self.user_b)
            .search([("is_service_credit", "=", True)])
        )
        self.assertEqual(packs, self.pack_b)

    def test_history_query_count_does_not_grow(self):
        self.authenticate("beta", "beta")

        def cost():
            self.url_open("/my/credit")
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertEqual(self.url_open("/my/credit").status_code, 200)
            return self.cr.sql_log_count - before

        one = cost()
        self.env["account.analytic.line"].with_user(self.technician).create(
            [
                {
                    "name": f"Travail {i}",
                    "ticket_id": self.service_b.id,
                    "project_id": self.project.id,
                    "unit_amount": 0.01,
                }
                for i in range(199)
            ]
        )
        self.assertEqual(cost(), one)

    def test_service_request_form_shows_the_balance(self):
        self.authenticate("alpha", "alpha")
        form = self.url_open("/my/support/new/service").text
        self.assertIn("o_support_credit", form)
        self.assertIn("6 h 30 remaining out of 10 h", form)
        self.assertNotIn("o_support_credit", self.url_open("/my/support/new/incident").text)

    def test_at_zero_the_form_warns_or_blocks(self):
        self._log(self.service_b, 3.0)
        self.authenticate("beta", "beta")
        data = {"subject": "Nouvelle demande", "description": "Texte"}
        self.assertIn("o_support_credit_empty", self.url_open("/my/support/new/service").text)
        self._send("service", data)
        self.assertEqual(len(self._tickets(self.contact_b)), 2, "warn: accepted")

        self.env.company.service_credit_empty_policy = "block"
        page = self._send("service", dict(data, subject="Encore une")).text
        self.assertIn("o_support_credit_blocked", page)
        self.assertIn("Encore une", page, "what was typed is kept")
        self.assertEqual(len(self._tickets(self.contact_b)), 2, "block: refused")
        self._send("incident", dict(data, urgency="serious"))
        self.assertEqual(len(self._tickets(self.contact_b)), 3, "incidents are never blocked")

    def test_ticket_page_shows_the_time_charged(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{self.service_a.id}").text
        self.assertIn("o_ticket_credit_hours", page)
        self.assertIn("3 h 30", page)
        page = self.url_open(f"/my/ticket/{self.incident_a.id}").text
        self.assertNotIn("o_ticket_credit_hours", page)
