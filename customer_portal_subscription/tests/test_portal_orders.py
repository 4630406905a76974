"""Quotes and orders filtered by state (in progress, expired, cancelled) and sorted by
reference or state, as the help centre promises."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import SubscriptionCaseMixin


@tagged("post_install", "-at_install")
class TestPortalOrders(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        today = fields.Date.context_today(cls.env.user)

        def quote(validity, state="sent"):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": cls.company_a.id,
                    "validity_date": today + timedelta(days=validity),
                    "order_line": [(0, 0, {"product_id": cls.licence.id, "product_uom_qty": 1})],
                }
            )
            order.message_subscribe(partner_ids=cls.company_a.ids)
            if state == "sent":
                order.action_quotation_sent()
            elif state == "cancel":
                order.action_quotation_sent()
                order._action_cancel()
            elif state == "sale":
                order.action_confirm()
            return order

        cls.open_quote = quote(20)
        cls.expired_quote = quote(-5)
        cls.cancelled_quote = quote(20, "cancel")
        cls.order = quote(20, "sale")

    def setUp(self):
        super().setUp()
        self.authenticate("alpha", "alpha")

    def _listed(self, url):
        html = self.url_open(url).text
        quotes = (self.open_quote, self.expired_quote, self.cancelled_quote, self.order)
        return {order for order in quotes if f">{order.name}<" in html}

    def test_quotes_by_state(self):
        self.assertEqual(
            self._listed("/my/quotes"),
            {self.open_quote, self.expired_quote, self.cancelled_quote},
        )
        self.assertEqual(self._listed("/my/quotes?filterby=in_progress"), {self.open_quote})
        self.assertEqual(self._listed("/my/quotes?filterby=expired"), {self.expired_quote})
        self.assertEqual(self._listed("/my/quotes?filterby=cancelled"), {self.cancelled_quote})
        self.assertEqual(self._listed("/my/quotes?filterby=\x00"), self._listed("/my/quotes"))

    def test_orders_by_state_and_sorts(self):
        self.assertEqual(self._listed("/my/orders?filterby=in_progress"), {self.order})
        self.assertFalse(self._listed("/my/orders?filterby=invoiced"))
        for sortby in ("date", "name", "state"):
            with self.subTest(sortby=sortby):
                self.assertEqual(
                    self._listed(f"/my/quotes?sortby={sortby}&filterby=all").__len__(), 3
                )

    def test_home_counter_counts_quotes_to_answer_only(self):
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["quotation_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters["quotation_count"], 2, "sent quotes: the cancelled one is done")
