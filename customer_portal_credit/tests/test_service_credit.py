"""Packs granted by confirmed orders, consumed by time on service requests only, oldest
valid pack first; expiry, overage, alerts, subscriptions that refill."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CreditCase


@tagged("post_install", "-at_install")
class TestServiceCredit(CreditCase):
    def test_tickets_get_their_teams_project(self):
        portal_ticket = (
            self.Ticket.with_user(self.user_a)
            .sudo()
            .create({"name": "Portail", "description": "<p>x</p>", "ticket_kind": "service"})
        )
        backend_ticket = self._request(self.contact_b)
        self.assertEqual(portal_ticket.project_id, self.project)
        self.assertEqual(backend_ticket.project_id, self.project)

    def test_confirmed_orders_grant_hours_cancelled_ones_none(self):
        self.assertEqual(self._balance(self.company_a), (0.0, 0.0))
        self._pack(self.company_a, 10, confirm=False)
        self.assertEqual(self._balance(self.company_a), (0.0, 0.0), "a quotation grants nothing")
        self._pack(self.company_a, 10)
        cancelled = self._pack(self.company_a, 5)
        cancelled.order_id._action_cancel()
        self.assertEqual(self._balance(self.company_a), (10.0, 10.0))

    def test_service_requests_consume_oldest_valid_pack_first(self):
        older = self._pack(self.company_a, 2, months_ago=6)
        newer = self._pack(self.company_a, 5, months_ago=1)
        ticket = self._request(self.contact_a)
        first = self._log(ticket, 1.5)
        second = self._log(ticket, 1.0)  # 0.5 h left on the older: split
        third = self._log(ticket, 1.0)
        self.assertEqual((first.so_line, second.so_line, third.so_line), (older, older, newer))
        self.assertEqual(second.unit_amount, 0.5)
        rest = ticket.timesheet_ids - first - second - third
        self.assertEqual((rest.unit_amount, rest.so_line), (0.5, newer), "the rest on the next")
        self.assertEqual(older.remaining_hours, 0.0, "a pack never goes below zero")
        self.assertEqual(self._balance(self.company_a), (3.5, 7.0))

    def test_time_beyond_every_pack_is_overage_never_a_negative_pack(self):
        pack = self._pack(self.company_a, 2)
        ticket = self._request(self.contact_a)
        line = self._log(ticket, 3.0)
        self.assertEqual((line.unit_amount, line.so_line), (2.0, pack))
        beyond = ticket.timesheet_ids - line
        self.assertEqual(beyond.unit_amount, 1.0)
        self.assertTrue(beyond.is_service_credit_overage)
        self.assertEqual(pack.remaining_hours, 0.0)
        self.assertEqual(sum(ticket.timesheet_ids.mapped("unit_amount")), 3.0, "nothing lost")

    def test_expired_packs_no_longer_count(self):
        expired = self._pack(self.company_a, 10, months_ago=13)
        current = self._pack(self.company_a, 3)
        self.assertTrue(expired._service_credit_is_expired())
        self.assertEqual(self._balance(self.company_a), (3.0, 3.0))
        line = self._log(self._request(self.contact_a), 1.0)
        self.assertEqual(line.so_line, current)
        self.assertEqual(expired.remaining_hours, 10.0, "an expired pack is not used")

    def test_incidents_and_administrative_requests_never_consume(self):
        self._pack(self.company_a, 10)
        for kind in ("incident", "administrative"):
            with self.subTest(kind=kind):
                line = self._log(self._request(self.contact_a, kind, urgency="low"), 2.0)
                self.assertFalse(line.so_line)
                self.assertFalse(line.is_service_credit_overage)
        self.assertEqual(self._balance(self.company_a), (10.0, 10.0))

    def test_changing_the_kind_moves_the_time(self):
        small = self._pack(self.company_a, 2, months_ago=2)
        large = self._pack(self.company_a, 10, months_ago=1)
        ticket = self._request(self.contact_a, "incident", urgency="low")
        self._log(ticket, 1.5)
        self._log(ticket, 2.0)
        self.assertEqual(self._balance(self.company_a)[0], 12.0, "incident time: nothing")
        ticket.ticket_kind = "service"
        self.assertEqual(self._balance(self.company_a)[0], 8.5)
        self.assertEqual((small.remaining_hours, large.remaining_hours), (0.0, 8.5))
        ticket.write({"ticket_kind": "incident", "urgency": "low"})
        self.assertEqual(self._balance(self.company_a)[0], 12.0)

    def test_overage_is_kept_and_quoted(self):
        pack = self._pack(self.company_a, 1)
        ticket = self._request(self.contact_a)
        covered = self._log(ticket, 1.0)
        beyond = self._log(ticket, 2.0)
        self.assertEqual(covered.so_line, pack)
        self.assertFalse(beyond.so_line)
        self.assertTrue(beyond.is_service_credit_overage)
        self.assertTrue(beyond.exists(), "overage is never lost")
        self.assertEqual(self._balance(self.company_a), (0.0, 1.0))
        Line = self.env["account.analytic.line"]
        action = Line.browse(beyond.id).action_quote_overage()
        quote = self.env["sale.order"].search(action["domain"])
        self.assertEqual(quote.state, "draft")
        self.assertEqual(quote.partner_id, self.company_a)
        self.assertEqual(quote.order_line.product_uom_qty, 2.0)
        self.assertEqual(quote.order_line.price_unit, 65.0, "the pack's hourly price")
        self.assertFalse(quote.order_line.is_service_credit)
        quote.action_confirm()
        self.assertEqual(self._balance(self.company_a), (0.0, 1.0), "a quote grants no credit")
        self.assertEqual(beyond.service_credit_quote_id, quote)
        with self.assertRaises(UserError):
            Line.browse(beyond.id).action_quote_overage()

    def test_overage_of_customers_without_packs_is_quoted_at_the_products_price(self):
        line = self._log(self._request(self.contact_b), 1.5)
        self.assertTrue(line.is_service_credit_overage)
        action = self.env["account.analytic.line"].browse(line.id).action_quote_overage()
        quote = self.env["sale.order"].search(action["domain"])
        product = self.env.ref("customer_portal_credit.product_service_credit_overage")
        self.assertEqual(quote.order_line.price_unit, product.list_price)

    def test_low_credit_alert_once_until_refilled(self):
        self.env.company.service_credit_alert_hours = 2.0
        self.company_a.user_id = self.env.user
        self._pack(self.company_a, 5)
        ticket = self._request(self.contact_a)
        template = self.env.ref("customer_portal_credit.mail_template_service_credit_low")

        def alerts():
            return self.env["mail.mail"].search(
                [
                    ("mail_message_id.subject", "ilike", "service credit"),
                    ("model", "=", "res.partner"),
                ]
            ) | self.env["mail.mail"].search([("subject", "ilike", "h left")])

        self._log(ticket, 2.5)
        self.assertFalse(alerts(), "2 h 30 left: above the threshold")
        self._log(ticket, 1.0)
        self.assertEqual(len(alerts()), 1)
        self.assertEqual(alerts().recipient_ids, self.company_a, "the billing address")
        activity = self.company_a.activity_ids
        self.assertEqual(activity.user_id, self.env.user)
        self._log(ticket, 0.5)
        self.assertEqual(len(alerts()), 1, "not repeated")
        self._pack(self.company_a, 5)
        self.assertFalse(self.company_a.service_credit_alert_sent, "refilled")
        self.assertTrue(template)

    def test_subscription_refills_each_period(self):
        template = self.env["sale.subscription.template"].create(
            {
                "name": "Support mensuel",
                "recurring_rule_type": "months",
                "invoicing_mode": "sale_and_invoice",
            }
        )
        subscription = self.env["sale.subscription"].create(
            {
                "partner_id": self.company_b.id,
                "template_id": template.id,
                "pricelist_id": self.pricelist.id,
                "sale_subscription_line_ids": [
                    Command.create({"product_id": self.pack_product.id, "product_uom_qty": 2})
                ],
            }
        )
        subscription.action_start_subscription()
        subscription.generate_invoice()
        self.assertEqual(self._balance(self.company_b), (2.0, 2.0))
        subscription.generate_invoice()
        self.assertEqual(self._balance(self.company_b), (4.0, 4.0))

    def test_technicians_log_time_but_cannot_edit_packs(self):
        pack = self._pack(self.company_a, 10)
        self._log(self._request(self.contact_a), 1.0)
        with self.assertRaises(AccessError):
            pack.with_user(self.technician).write({"product_uom_qty": 100})

    def test_salespeople_see_every_customers_credit(self):
        self._pack(self.company_a, 10)
        self._pack(self.company_b, 3)
        salesman = new_test_user(self.env, login="vendeur", groups="sales_team.group_sale_salesman")
        packs = (
            self.env["sale.order.line"]
            .with_user(salesman)
            .search([("is_service_credit", "=", True)])
        )
        self.assertLessEqual(
            {self.company_a.id, self.company_b.id}, set(packs.service_credit_partner_id.ids)
        )
