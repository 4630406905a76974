from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestStarLevel(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["sale.subscription.template"].create(
            {"name": "Monthly", "recurring_rule_type": "months"}
        )
        cls.pricelist = cls.env["product.pricelist"].create({"name": "Test pricelist"})
        cls.plans = {
            level: cls.env["product.product"].create(
                {"name": f"Support {level}", "type": "service", "support_star_level": level}
            )
            for level in ("3", "4", "5")
        }
        cls.licence = cls.env["product.product"].create({"name": "Licence", "type": "service"})
        cls.company = cls.env["res.partner"].create({"name": "Customer Co", "is_company": True})
        cls.contact = cls.env["res.partner"].create(
            {"name": "Customer Contact", "parent_id": cls.company.id}
        )

    def _subscription(self, partner, *products, start=True):
        subscription = self.env["sale.subscription"].create(
            {
                "partner_id": partner.id,
                "template_id": self.template.id,
                "pricelist_id": self.pricelist.id,
                "sale_subscription_line_ids": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1}) for p in products
                ],
            }
        )
        if start:
            subscription.action_start_subscription()
        return subscription

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
