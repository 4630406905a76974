from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, freeze_time, tagged

from .common import SubscriptionCaseMixin


@tagged("post_install", "-at_install")
class TestStarLevel(SubscriptionCaseMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls.company = cls.env["res.partner"].create({"name": "Customer Co", "is_company": True})
        cls.contact = cls.env["res.partner"].create(
            {"name": "Customer Contact", "parent_id": cls.company.id}
        )

    def test_no_subscription_no_level(self):
        self.assertFalse(self.company.support_star_level)

    def test_draft_subscription_gives_no_level(self):
        self._subscription(self.company, self.plans["4"], start=False)
        self.assertFalse(self.company.support_star_level)

    def test_level_of_subscription_in_progress(self):
        self._subscription(self.company, self.licence, self.plans["4"])
        self.assertEqual(self.company.support_star_level, "4")

    def test_subscription_of_a_contact_counts_for_the_company(self):
        self._subscription(self.contact, self.plans["3"])
        self.assertEqual(self.company.support_star_level, "3")

    def test_highest_level_wins_and_closing_drops_it(self):
        self._subscription(self.company, self.plans["3"])
        five = self._subscription(self.company, self.plans["5"])
        self.assertEqual(self.company.support_star_level, "5")
        five.close_subscription()
        self.assertEqual(self.company.support_star_level, "3")

    def test_line_added_raises_the_level(self):
        subscription = self._subscription(self.company, self.licence)
        self.assertFalse(self.company.support_star_level)
        subscription.sale_subscription_line_ids = [
            Command.create({"product_id": self.plans["4"].id, "product_uom_qty": 1})
        ]
        self.assertEqual(self.company.support_star_level, "4")

    def test_ended_subscription_gives_no_level(self):
        subscription = self._subscription(self.company, self.plans["5"])
        subscription.date = fields.Date.today() - timedelta(days=1)
        self.assertFalse(self.company.support_star_level)

    def test_scheduled_job_catches_an_end_date_passing(self):
        """Nothing is written when the end date passes: the daily job notices it."""
        today = fields.Date.today()
        subscription = self._subscription(self.company, self.plans["4"], self.licence)
        subscription.date = today + timedelta(days=3)
        subscription.flush_recordset()
        self.assertEqual(self.company.support_star_level, "4")
        self.assertTrue(self.company.sudo().support_access_code)

        with freeze_time(today + timedelta(days=3)):
            self.env["res.partner"]._cron_update_support_star_level()
            self.assertEqual(self.company.support_star_level, "4", "the end date is inclusive")
        with freeze_time(today + timedelta(days=4)):
            self.env["res.partner"]._cron_update_support_star_level()
            self.assertFalse(self.company.support_star_level)
            self.assertFalse(self.contact.support_star_level)
            self.assertFalse(self.company.sudo().support_access_code)

    def test_scheduled_job_catches_a_start_date_arriving(self):
        today = fields.Date.today()
        self._subscription(self.company, self.plans["5"], date_start=today + timedelta(days=2))
        self.assertFalse(self.company.support_star_level)
        with freeze_time(today + timedelta(days=2)):
            self.env["res.partner"]._cron_update_support_star_level()
            self.assertEqual(self.company.support_star_level, "5")

    def test_two_subscriptions_of_different_levels_and_the_contact_follows(self):
        three = self._subscription(self.company, self.plans["3"])
        four = self._subscription(self.contact, self.plans["4"])
        self.assertEqual(self.company.support_star_level, "4")
        self.assertEqual(self.contact.support_star_level, "4", "a contact shows its company's")
        self.assertEqual((three.support_star_level, four.support_star_level), ("3", "4"))
        four.close_subscription()
        self.assertEqual(self.company.support_star_level, "3")
        self.assertEqual(self.contact.support_star_level, "3")

    def test_product_level_change_follows(self):
        self._subscription(self.company, self.licence)
        self.licence.support_star_level = "5"
        self.assertEqual(self.company.support_star_level, "5")
