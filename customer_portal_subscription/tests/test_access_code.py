import re
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.res_partner import ACCESS_CODE_ALPHABET
from .common import SubscriptionCaseMixin

CODE_FORMAT = re.compile(rf"^[{ACCESS_CODE_ALPHABET}]{{4}}-[{ACCESS_CODE_ALPHABET}]{{4}}$")


@tagged("post_install", "-at_install")
class TestAccessCode(SubscriptionCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls.company, cls.contact, cls.portal_user = cls._customer("Dupont SA", "dupont")
        cls.salesman = new_test_user(
            cls.env, login="sales", groups="sales_team.group_sale_salesman"
        )
        cls.employee = new_test_user(cls.env, login="employee", groups="base.group_user")

    def _code(self, partner):
        return partner.with_user(self.salesman).support_access_code

    def test_four_and_five_stars_get_a_readable_code_three_stars_none(self):
        subscription = self._subscription(self.company, self.plans["3"])
        self.assertEqual(self.company.support_star_level, "3")
        self.assertFalse(self._code(self.company))
        subscription.sale_subscription_line_ids.product_id = self.plans["4"]
        code = self._code(self.company)
        self.assertRegex(code, CODE_FORMAT)
        self.assertFalse(set("0O1IL5S2Z8B") & set(code), "no ambiguous characters")
        self.assertFalse(self._code(self.contact), "the code belongs to the company")
        subscription.sale_subscription_line_ids.product_id = self.plans["5"]
        self.assertEqual(self._code(self.company), code, "kept when moving from 4 to 5 stars")

    def test_code_withdrawn_below_four_stars(self):
        subscription = self._subscription(self.company, self.plans["4"])
        code = self._code(self.company)
        self.assertTrue(code)
        subscription.close_subscription()
        self.assertFalse(self.company.support_star_level)
        self.assertFalse(self._code(self.company))
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertFalse(Partner.search([("support_access_code_lookup", "=", code)]))

    def test_codes_unique_over_many_customers(self):
        companies = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(150)]
        )
        self._start_subscriptions(companies, self.plans["4"])
        codes = companies.sudo().mapped("support_access_code")
        self.assertEqual(len(codes), 150)
        self.assertTrue(all(CODE_FORMAT.match(code) for code in codes))
        self.assertEqual(len(set(codes)), 150)

    def test_database_refuses_a_duplicate_code(self):
        self._subscription(self.company, self.plans["4"])
        other, _contact, _user = self._customer("Other SA")
        self._subscription(other, self.plans["5"])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            other.sudo().support_access_code = self.company.sudo().support_access_code
            other.flush_recordset()

    def test_drawing_a_taken_code_draws_again(self):
        self._subscription(self.company, self.plans["4"])
        taken = self.company.sudo().support_access_code
        other, _contact, _user = self._customer("Other SA")
        Partner = type(self.env["res.partner"])
        draws = [taken, "ACDE-FGHJ"]
        with patch.object(Partner, "_generate_access_code", side_effect=draws) as draw:
            self._subscription(other, self.plans["4"])
            self.assertEqual(other.sudo().support_access_code, "ACDE-FGHJ")
        self.assertEqual(draw.call_count, 2)

    def test_regenerate_logs_and_old_code_stops_working(self):
        self._subscription(self.company, self.plans["4"])
        old = self._code(self.company)
        self.company.with_user(self.salesman).action_regenerate_access_code()
        new = self._code(self.company)
        self.assertRegex(new, CODE_FORMAT)
        self.assertNotEqual(new, old)
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertFalse(Partner.search([("support_access_code_lookup", "=", old)]))
        self.assertEqual(Partner.search([("support_access_code_lookup", "=", new)]), self.company)
        message = self.company.message_ids[0]
        self.assertIn("regenerated", message.body)
        self.assertIn(self.salesman.name, message.body)
        self.assertNotIn(new, message.body, "the chatter never shows a code")

    def test_lookup_with_or_without_dash_any_case(self):
        self._subscription(self.company, self.plans["5"])
        code = self._code(self.company)
        Partner = self.env["res.partner"].with_user(self.salesman)
        for typed in (code, code.lower(), code.replace("-", ""), f" {code[:4]} {code[5:]} "):
            with self.subTest(typed=typed):
                found = Partner.search([("support_access_code_lookup", "ilike", typed)])
                self.assertEqual(found, self.company)
                self.assertIn(
                    self.company.id, [pid for pid, _name in Partner.name_search(typed.lower())]
                )
        self.assertFalse(Partner.search([("support_access_code_lookup", "ilike", "ACD")]))

    def test_lookup_by_part_of_a_code(self):
        """A technician heard only part of the code: four characters or more, anywhere
        in the code, across its dash too."""
        self._subscription(self.company, self.plans["5"])
        code = self._code(self.company)
        Partner = self.env["res.partner"].with_user(self.salesman)
        for part in (code[:4], code[5:].lower(), code[2:7], code[2:4] + code[5:7]):
            with self.subTest(part=part):
                found = Partner.search([("support_access_code_lookup", "ilike", part)])
                self.assertIn(self.company, found)
        # In any partner field too, once the part has a digit (names seldom do).
        self.company.sudo().support_access_code = "K7QF-M2XR"
        self.assertIn(self.company.id, [pid for pid, _name in Partner.name_search("7qfm")])
        self.assertIn(self.company.id, [pid for pid, _name in Partner.name_search("f-m2x")])
        self.assertFalse(Partner.search([("support_access_code_lookup", "ilike", code[:3])]))

    def test_only_sales_and_support_staff_read_codes(self):
        self._subscription(self.company, self.plans["4"])
        self.assertTrue(self._code(self.company))
        for user in (self.employee, self.portal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.company.with_user(user).read(["support_access_code"])
        with self.assertRaises(AccessError):
            self.company.with_user(self.employee).action_regenerate_access_code()
        self.assertEqual(
            self.company.with_user(self.employee).name_search(self._code(self.company)),
            [],
            "the lookup does not reveal customers to staff without the right",
        )
