"""Customers, plans and subscriptions built from scratch, without demo data."""

import re

from odoo import Command
from odoo.tests import new_test_user


class SubscriptionCaseMixin:
    @classmethod
    def _setup_subscription_data(cls):
        env = cls.env
        cls.template = env["sale.subscription.template"].create(
            {"name": "Monthly plan", "recurring_rule_type": "months", "recurring_interval": 1}
        )
        cls.pricelist = env["product.pricelist"].create({"name": "Portal test pricelist"})
        cls.plans = {
            level: env["product.product"].create(
                {"name": f"Support plan {level}", "type": "service", "support_star_level": level}
            )
            for level in ("3", "4", "5")
        }
        cls.licence = env["product.product"].create(
            {"name": "Fleet licence", "type": "service", "list_price": 10.0}
        )

    @classmethod
    def _customer(cls, name, login=None):
        """A customer company with one contact, who has a portal login when ``login``."""
        company = cls.env["res.partner"].create({"name": name, "is_company": True})
        contact = cls.env["res.partner"].create(
            {"name": f"Contact of {name}", "parent_id": company.id, "email": f"{login}@x.example"}
        )
        user = None
        if login:
            user = new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                partner_id=contact.id,
                name=contact.name,
            )
        return company, contact, user

    @classmethod
    def _setup_two_customers(cls):
        """Two customer companies with a portal contact each: alpha and beta."""
        cls.company_a, cls.contact_a, cls.user_a = cls._customer("Alpha Transports", "alpha")
        cls.company_b, cls.contact_b, cls.user_b = cls._customer("Beta Logistique", "beta")

    @classmethod
    def _start_subscriptions(cls, partners, product):
        """One subscription in progress per partner (repeat a partner for several), each
        with one line of ``product``, created in one batch."""
        subscriptions = cls.env["sale.subscription"].create(
            [
                {
                    "partner_id": partner.id,
                    "template_id": cls.template.id,
                    "pricelist_id": cls.pricelist.id,
                    "sale_subscription_line_ids": [
                        Command.create({"product_id": product.id, "product_uom_qty": 1})
                    ],
                }
                for partner in partners
            ]
        )
        subscriptions.action_start_subscription()
        return subscriptions

    @staticmethod
    def _csrf(html):
        """The CSRF token of a portal page, as its forms post it."""
        return re.search(r'csrf_token: "([^"]+)"', html).group(1)

    def _page_csrf(self, url):
        """The CSRF token of the portal page at ``url`` (HTTP cases)."""
        return self._csrf(self.url_open(url).text)

    @classmethod
    def _subscription(cls, partner, *products, start=True, discount=0.0, **values):
        subscription = cls.env["sale.subscription"].create(
            {
                "partner_id": partner.id,
                "template_id": cls.template.id,
                "pricelist_id": cls.pricelist.id,
                "sale_subscription_line_ids": [
                    Command.create(
                        {
                            "product_id": p.id,
                            "product_uom_qty": 2,
                            "price_unit": 10.0,
                            "discount": discount,
                        }
                    )
                    for p in products
                ],
                **values,
            }
        )
        if start:
            subscription.action_start_subscription()
        return subscription
