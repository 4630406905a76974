"""The demo builder (the addons' demo data) gives a portal worth exploring: the vendor,
three customers at 3, 4 and 5 stars with French portal logins, subscriptions (one to
renew, one closed), quotes in every state, orders, invoices paid / due soon / overdue,
tickets in every stage, remote sessions (one pending, one ended), service credit
(client4 partly used, client5 an expired and a current pack, client3 none), and the
staff logins README.md prints."""

import base64
from datetime import timedelta

from helpers import suite_case

from odoo import fields
from odoo.tests.common import HttpCase, TransactionCase

SUB = "customer_portal_subscription."
TCK = "customer_portal_tickets."


@suite_case()
class TestDemoData(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = {
            "3": cls.env.ref(SUB + "partner_martin_demo"),
            "4": cls.env.ref(SUB + "partner_dubois_demo"),
            "5": cls.env.ref(SUB + "partner_bernard_demo"),
        }
        cls.all_customers = cls.env["res.partner"].concat(*cls.customers.values())
        cls.today = fields.Date.context_today(cls.env.user)

    def test_vendor_company(self):
        self.assertEqual(self.env.ref("base.main_company").name, "TransLogic Logiciels")

    def test_customers_at_each_star_level(self):
        for level, customer in self.customers.items():
            self.assertTrue(customer.is_company)
            self.assertEqual(customer.support_star_level, level, customer.name)

    def test_portal_logins_in_french(self):
        for level, customer in self.customers.items():
            user = self.env["res.users"].search([("login", "=", "client" + level)])
            self.assertTrue(user, "client%s is missing" % level)
            self.assertTrue(user._is_portal(), user.login)
            self.assertEqual(user.commercial_partner_id, customer)
            self.assertEqual(user.lang, "fr_FR")
        self.assertIn("fr_FR", dict(self.env["res.lang"].get_installed()))

    def test_staff_logins(self):
        technician = self.env.ref(TCK + "user_technician_demo")
        self.assertEqual(technician.login, "technicien")
        self.assertTrue(technician.has_group("helpdesk_mgmt.group_helpdesk_user"))
        salesperson = self.env.ref(SUB + "user_salesperson_demo")
        self.assertEqual(salesperson.login, "commercial")
        self.assertTrue(salesperson.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(salesperson._is_portal())

    def test_every_department_has_its_people(self):
        """Every department's team has a member who reads its tickets: order follow-up
        and logistics is the salesperson's (the team used to have nobody)."""
        for department in self.env["customer.portal.department"].search([]):
            members = department.team_id.user_ids.filtered(lambda u: u.active and not u.share)
            self.assertTrue(members, department.name)
            for user in members:
                self.assertTrue(user.has_group("helpdesk_mgmt.group_helpdesk_user_team"))
        logistics = self.env.ref(TCK + "department_logistics")
        self.assertEqual(logistics.team_id.user_ids, self.env.ref(SUB + "user_salesperson_demo"))

    def test_subscriptions(self):
        subs = self.env["sale.subscription"].search([("partner_id", "in", self.all_customers.ids)])
        in_progress = subs.filtered("in_progress")
        self.assertEqual(set(in_progress.partner_id.ids), set(self.all_customers.ids))
        closed = subs.filtered(lambda s: s.stage_id.type == "post")
        self.assertEqual(closed.partner_id, self.customers["5"])
        to_renew = in_progress.filtered(
            lambda s: s.to_renew
            and s.date
            and self.today <= s.date <= self.today + timedelta(days=30)
        )
        self.assertEqual(to_renew.partner_id, self.customers["4"])
        self.assertTrue(
            any(line.discount for line in subs.sale_subscription_line_ids),
            "one subscription line shows a discount",
        )

    def test_quotes_and_orders(self):
        orders = self.env["sale.order"].search([("partner_id", "in", self.all_customers.ids)])
        quotes = orders.filtered(lambda o: o.state == "sent")
        self.assertTrue(quotes.filtered(lambda o: not o.is_expired), "a quote in progress")
        self.assertTrue(quotes.filtered("is_expired"), "an expired quote")
        self.assertTrue(orders.filtered(lambda o: o.state == "cancel"), "a cancelled quote")
        confirmed = orders.filtered(lambda o: o.state == "sale")
        self.assertEqual(set(confirmed.partner_id.ids), set(self.all_customers.ids))

    def test_invoices(self):
        invoices = self.env["account.move"].search(
            [
                ("partner_id", "in", self.all_customers.ids),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
            ]
        )
        paid = invoices.filtered(lambda m: m.payment_state in ("paid", "in_payment"))
        unpaid = invoices - paid
        due_soon = unpaid.filtered(
            lambda m: self.today <= m.invoice_date_due <= self.today + timedelta(days=7)
        )
        overdue = unpaid.filtered(lambda m: m.invoice_date_due < self.today)
        self.assertTrue(paid, "a paid invoice")
        self.assertTrue(due_soon, "an invoice due within a week")
        self.assertTrue(overdue, "an overdue invoice")

    def test_tickets_in_every_stage(self):
        tickets = self.env["helpdesk.ticket"].search(
            [("commercial_partner_id", "in", self.all_customers.ids)]
        )
        stages = self.env["helpdesk.ticket.stage"].search([])
        self.assertEqual(tickets.stage_id, stages)
        self.assertEqual(set(tickets.commercial_partner_id.ids), set(self.all_customers.ids))

    def test_star_programme_and_payment_methods(self):
        codes = {level: c.sudo().support_access_code for level, c in self.customers.items()}
        self.assertFalse(codes["3"])
        self.assertTrue(codes["4"] and codes["5"])
        company = self.env.ref("base.main_company")
        for level in ("4", "5"):
            self.assertTrue(company[f"support_phone_{level}"])
            hours = company.with_context(lang="fr_FR")[f"support_hours_{level}"]
            self.assertTrue(hours.startswith("Du lundi"), hours)
        dubois = self.env.ref(SUB + "subscription_dubois_demo")
        self.assertTrue(dubois.payment_token_id)
        self.assertEqual(
            len(self.env["payment.token"].search([("partner_id", "=", self.customers["4"].id)])),
            2,
            "client4 can switch to another saved payment method",
        )
        for level, customer in self.customers.items():
            subscription = customer.subscription_ids.filtered("in_progress")
            self.assertTrue(subscription._get_portal_invoices(), f"{level} stars: no invoice")

    def test_remote_sessions(self):
        dubois = self.customers["4"]
        sessions = self.env["customer.portal.remote.session"].search(
            [("partner_id", "=", dubois.id)]
        )
        pending = sessions.filtered(lambda s: s.state == "requested")
        self.assertEqual(pending.tool, "anydesk")
        self.assertFalse(pending.ticket_id.closed, "on an open ticket")
        self.assertTrue(pending.session_code and pending.expiry_date > fields.Datetime.now())
        past = sessions.filtered(lambda s: s.state == "ended")
        self.assertEqual(past.tool, "teamviewer")
        self.assertTrue(past.ticket_id.closed, "on a resolved ticket")
        self.assertFalse(past.session_code, "an ended session keeps no ID")

    def test_service_credit(self):
        dubois, bernard, martin = self.customers["4"], self.customers["5"], self.customers["3"]
        self.assertEqual(dubois._service_credit_balance(), (6.5, 10.0), "10 h, 3 h 30 used")
        charged = self.env["account.analytic.line"].search(
            [("ticket_id.partner_id", "child_of", dubois.id)]
        )
        kinds = {line.ticket_id.ticket_kind for line in charged.filtered("so_line")}
        self.assertEqual(kinds, {"service"}, "two service requests used the credit")
        incident = charged.filtered(lambda line: line.ticket_id.ticket_kind == "incident")
        self.assertTrue(incident and not incident.so_line, "incident time used nothing")
        packs = bernard._service_credit_packs(include_expired=True)
        self.assertEqual([p._service_credit_is_expired() for p in packs], [True, False])
        self.assertFalse(martin._has_bought_service_credit())

    def test_a_french_vendor_in_euros(self):
        company = self.env.ref("base.main_company")
        self.assertEqual((company.country_id.code, company.currency_id.name), ("FR", "EUR"))
        self.assertTrue(company.logo and company.vat and company.company_registry)
        self.assertEqual(company.chart_template, "fr", "the French chart of accounts")
        invoices = self.env["account.move"].search(
            [("partner_id", "child_of", self.all_customers.ids), ("move_type", "=", "out_invoice")]
        )
        self.assertTrue(invoices)
        self.assertEqual(invoices.currency_id.name, "EUR")
        rates = set(invoices.invoice_line_ids.tax_ids.mapped("amount"))
        self.assertEqual(rates, {20.0}, "French VAT at 20 %")
        orders = self.env["sale.order"].search([("partner_id", "child_of", self.all_customers.ids)])
        self.assertEqual(orders.currency_id.name, "EUR")


@suite_case("post_install")
class TestStaffFirstScreen(HttpCase):
    def test_staff_land_on_their_work(self):
        """What the web client opens after each staff login (the session info of /odoo):
        the technician's queue, the salesperson's quotes."""
        for login, action in (
            ("technicien", "customer_portal_technician.action_ticket_queue"),
            ("commercial", "sale.action_quotations_with_onboarding"),
        ):
            self.authenticate(login, login)
            page = self.url_open("/odoo").text
            self.assertIn(f'"home_action_id": {self.env.ref(action).id}', page, login)


@suite_case()
class TestDemoMandate(TransactionCase):
    def test_demo_sepa_mandate_is_signed_as_on_the_portal(self):
        mandate = self.env.ref(SUB + "payment_token_dubois_sepa_demo")
        self.assertRegex(mandate.sepa_mandate_ref, r"^RUM-\d{4}-\d{6}$")
        self.assertEqual(mandate.provider_ref, mandate.sepa_mandate_ref)
        self.assertEqual(mandate.sepa_iban[-4:], "0099")
        self.assertEqual(mandate.sepa_holder_name, "Logistique Dubois SA")
        self.assertEqual(mandate.sepa_signed_by, "Pierre Dubois")
        self.assertTrue(mandate.sepa_signed_on)
        self.assertTrue(base64.b64decode(mandate.sepa_signature).startswith(b"\x89PNG"))


@suite_case()
class TestDemoRejectedTicket(TransactionCase):
    def test_the_rejected_ticket_tells_the_customer_why(self):
        ticket = self.env.ref(TCK + "ticket_dubois_rejected_demo")
        self.assertEqual(ticket.portal_state, "rejected")
        reasons = ticket.message_ids.filtered(lambda m: m._is_read_by_customers())
        self.assertTrue(reasons.filtered(lambda m: "PaieMax 2009" in m.body))
