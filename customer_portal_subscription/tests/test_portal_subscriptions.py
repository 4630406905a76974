import html as htmllib
import json
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..controllers.portal import SubscriptionPortal
from .common import SubscriptionCaseMixin


@tagged("post_install", "-at_install")
class TestPortalSubscriptions(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        today = fields.Date.today()
        cls.sub_a = cls._subscription(
            cls.company_a, cls.licence, cls.plans["4"], date_start=today - timedelta(days=60)
        )
        cls.sub_a_renew = cls._subscription(
            cls.contact_a, cls.licence, date_start=today - timedelta(days=10)
        )
        cls.sub_a_renew.date = today + timedelta(days=12)
        cls.sub_a_closed = cls._subscription(
            cls.company_a, cls.licence, discount=15.0, date_start=today - timedelta(days=400)
        )
        cls.sub_a_closed.close_subscription()
        cls.sub_a_draft = cls._subscription(cls.company_a, cls.licence, start=False)
        cls.sub_a_draft.stage_id = cls.env.ref("subscription_oca.subscription_stage_draft")
        cls.sub_b = cls._subscription(cls.company_b, cls.plans["5"])
        provider = cls.env.ref("payment.payment_provider_demo")
        card = cls.env.ref("payment.payment_method_card")

        def token(partner, digits):
            return cls.env["payment.token"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": card.id,
                    "partner_id": partner.id,
                    "payment_details": digits,
                    "provider_ref": f"ref-{digits}",
                }
            )

        cls.token_a1 = token(cls.company_a, "1111")
        cls.token_a2 = token(cls.contact_a, "2222")
        cls.token_b = token(cls.company_b, "9999")

    # helpers ---------------------------------------------------------------
    def _names_in(self, html):
        return {
            s.name
            for s in (self.sub_a, self.sub_a_renew, self.sub_a_closed, self.sub_a_draft, self.sub_b)
            if f">{s.name}<" in html
        }

    def _counters(self):
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["subscription_count"]}}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()["result"]

    def _choose_token(self, subscription, token_id, csrf=True, **extra):
        url = f"/my/subscriptions/{subscription.id}/payment_method"
        page = self.url_open(url)
        data = {"payment_token_id": str(token_id), **extra}
        if csrf:
            data["csrf_token"] = self._csrf(page.text)
        return self.url_open(url, data=data)

    # list ------------------------------------------------------------------
    def test_list_filters_and_company_isolation(self):
        self.authenticate("alpha", "alpha")
        a, renew, closed = self.sub_a.name, self.sub_a_renew.name, self.sub_a_closed.name
        expected = {
            "all": {a, renew, closed},
            "open": {a, renew},
            "closed": {closed},
            "to_renew": {renew},
        }
        for filterby, names in expected.items():
            with self.subTest(filterby=filterby):
                response = self.url_open(f"/my/subscriptions?filterby={filterby}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self._names_in(response.text), names)

    def test_list_cells_in_the_readers_language(self):
        """Dates and totals of the list, printed without t-field, read as a French
        customer writes them."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_a.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        self.authenticate("alpha", "alpha")
        page = htmllib.unescape(self.url_open("/my/subscriptions").text)
        row = re.search(
            rf"<tr[^>]*o_portal_subscription_row(?:(?!</tr>).)*>{self.sub_a.name}<.*?</tr>",
            page,
            re.S,
        )
        self.assertTrue(row, page)
        cells = re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", row.group(0)))
        self.assertIn(self.sub_a.date_start.strftime("%d/%m/%Y"), cells)
        self.assertIn(self.sub_a.recurring_next_date.strftime("%d/%m/%Y"), cells)
        total = f"{self.sub_a.recurring_total:.2f}".replace(".", ",")
        self.assertTrue(self.sub_a.recurring_total)
        self.assertIn(f"{total}\N{NO-BREAK SPACE}€", cells)

    def test_list_sortings(self):
        self.authenticate("alpha", "alpha")
        by_date = [self.sub_a_renew, self.sub_a, self.sub_a_closed]  # newest start first
        by_name = sorted(by_date, key=lambda s: s.name)
        by_stage = [self.sub_a_renew, self.sub_a, self.sub_a_closed]  # in progress, then closed
        for sortby, expected in (("date", by_date), ("name", by_name), ("stage", by_stage)):
            with self.subTest(sortby=sortby):
                html = self.url_open(f"/my/subscriptions?sortby={sortby}").text
                positions = [html.index(f">{s.name}<") for s in expected]
                self.assertEqual(positions, sorted(positions))

    def test_list_pager(self):
        self.env["sale.subscription"].create(
            [
                {
                    "partner_id": self.company_a.id,
                    "template_id": self.template.id,
                    "pricelist_id": self.pricelist.id,
                }
                for _ in range(3)
            ]
        ).action_start_subscription()
        self.patch(SubscriptionPortal, "_items_per_page", 4)
        self.authenticate("alpha", "alpha")
        first = self.url_open("/my/subscriptions?sortby=name").text
        second = self.url_open("/my/subscriptions/page/2?sortby=name").text
        self.assertEqual(first.count("o_portal_subscription_row"), 4)
        self.assertEqual(second.count("o_portal_subscription_row"), 2)
        self.assertIn("/my/subscriptions/page/2", first)

    def test_counter_on_home(self):
        self.authenticate("alpha", "alpha")
        self.assertEqual(self._counters()["subscription_count"], 3)

    def test_list_query_count_does_not_grow_with_subscriptions(self):
        company, _contact, _user = self._customer("Gamma SA", "gamma")
        self._subscription(company, self.licence, self.plans["3"])
        self.authenticate("gamma", "gamma")
        self.url_open("/my/subscriptions")  # warm the caches
        queries_one = self._count_queries("/my/subscriptions")
        self._start_subscriptions([company] * 49, self.plans["4"])
        self.url_open("/my/subscriptions")
        self.env.invalidate_all()
        with self.assertQueryCount(queries_one):
            html = self.url_open("/my/subscriptions").text
        self.assertEqual(html.count("o_portal_subscription_row"), 50)

    def _count_queries(self, url):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    # detail ----------------------------------------------------------------
    def test_detail_shows_plan_lines_and_star_badge(self):
        self.authenticate("alpha", "alpha")
        response = self.url_open(f"/my/subscriptions/{self.sub_a.id}")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn("Monthly plan", html)
        self.assertIn(">Monthly<", html)
        self.assertIn(self.sub_a.code, html)
        self.assertIn("Support plan 4", html)
        self.assertIn('data-star-level="4"', html)
        self.assertNotIn("o_subscription_discount_column", html, "no discount, no column")
        self.assertIn("Define a payment method", html)
        self.assertFalse(self.sub_a.date, "a subscription without end")
        self.assertIn("Renewed automatically", html, "its lines' end date is never blank")
        renew = self.url_open(f"/my/subscriptions/{self.sub_a_renew.id}").text
        end = renew.split("o_subscription_line_end")[1].split("</td>")[0]
        self.assertNotIn("Renewed automatically", end, "its end date shows")

    def test_a_closed_subscription_is_not_renewed(self):
        """A closed subscription without an end date: its lines read ended, never
        "Renewed automatically"."""
        self.assertFalse(self.sub_a_closed.date)
        self.authenticate("alpha", "alpha")
        html = self.url_open(f"/my/subscriptions/{self.sub_a_closed.id}").text
        self.assertNotIn("Renewed automatically", html)
        end = html.split("o_subscription_line_end")[1].split("</td>")[0]
        self.assertIn("Ended", end)

    def test_discount_column_only_when_a_line_has_one(self):
        self.authenticate("alpha", "alpha")
        html = self.url_open(f"/my/subscriptions/{self.sub_a_closed.id}").text
        self.assertIn("o_subscription_discount_column", html)
        self.assertIn("15.00", html)

    def test_detail_lists_the_subscription_invoices(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.company_a.id,
                "subscription_id": self.sub_a.id,
                "invoice_line_ids": [(0, 0, {"name": "Licence", "price_unit": 20.0})],
            }
        )
        invoice.action_post()
        self.authenticate("alpha", "alpha")
        html = self.url_open(f"/my/subscriptions/{self.sub_a.id}").text
        self.assertIn(invoice.name, html)
        self.assertIn(f"/my/invoices/{invoice.id}", html)
        breadcrumb = html.split("o_portal_submenu")[1].split("</ol>")[0]
        self.assertIn(self.sub_a.name, breadcrumb)
        self.assertNotIn(invoice.name, breadcrumb, "the subscription's, not an invoice's")
        self.assertEqual(self.url_open(f"/my/invoices/{invoice.id}").status_code, 200)

    def test_customer_writes_to_the_salesperson_in_the_thread(self):
        salesperson = new_test_user(
            self.env, login="seller3", groups="sales_team.group_sale_salesman"
        )
        self.sub_a.user_id = salesperson
        self.authenticate("alpha", "alpha")
        post = {
            "body": "Bonjour, une question sur la facture",
            "message_type": "comment",
            "subtype_xmlid": "mail.mt_comment",
        }
        response = self._json("/mail/message/post", "sale.subscription", self.sub_a.id, post)
        self.assertNotIn("error", response)
        message = self.sub_a.message_ids.filtered(lambda m: "une question" in (m.body or ""))
        self.assertEqual(message.author_id, self.contact_a)
        self.assertIn(salesperson.partner_id, message.notified_partner_ids)
        response = self._json("/mail/message/post", "sale.subscription", self.sub_b.id, post)
        self.assertIn("error", response)
        self.assertFalse(
            self.sub_b.message_ids.filtered(lambda m: "une question" in (m.body or ""))
        )

    def _json(self, url, model, res_id, post_data):
        payload = {"params": {"thread_model": model, "thread_id": res_id, "post_data": post_data}}
        return self.url_open(
            url, data=json.dumps(payload), headers={"Content-Type": "application/json"}
        ).json()

    def test_report_download_and_print(self):
        self.authenticate("alpha", "alpha")
        response = self.url_open(f"/my/subscriptions/{self.sub_a.id}?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.sub_a.name, response.text)
        self.assertIn("Support plan 4", response.text)
        # PDF when wkhtmltopdf is there, the printable HTML page otherwise: never an error.
        response = self.url_open(f"/my/subscriptions/{self.sub_a.id}?report_type=pdf&download=1")
        self.assertEqual(response.status_code, 200)
        self.assertIn(response.headers["Content-Type"], ("application/pdf", "text/html"))

    def test_salesperson_follows_to_receive_customer_messages(self):
        salesperson = new_test_user(
            self.env, login="seller", groups="sales_team.group_sale_salesman"
        )
        subscription = self._subscription(self.company_a, self.licence, user_id=salesperson.id)
        self.assertIn(salesperson.partner_id, subscription.message_partner_ids)
        other = new_test_user(self.env, login="seller2", groups="sales_team.group_sale_salesman")
        subscription.user_id = other
        self.assertIn(other.partner_id, subscription.message_partner_ids)

    # payment method ----------------------------------------------------------
    def test_define_then_change_payment_method(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/subscriptions/{self.sub_a.id}/payment_method").text
        self.assertIn("1111", page)
        self.assertIn("2222", page, "the contact's own saved method is offered too")
        self.assertNotIn("9999", page)
        response = self._choose_token(self.sub_a, self.token_a1.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("payment_method_saved=1", response.url)
        self.assertEqual(self.sub_a.payment_token_id, self.token_a1)
        self.assertIn("Change payment method", response.text)
        card = self.token_a1.payment_method_id.name
        self.assertIn(f"{card} •••• 1111", response.text, "its kind and its masked number")
        self._choose_token(self.sub_a, self.token_a2.id)
        self.assertEqual(self.sub_a.payment_token_id, self.token_a2)
        notes = self.sub_a.message_ids.filtered(lambda m: "from the portal" in m.body)
        self.assertIn("2222", notes[0].body)
        self.assertEqual(notes[0].author_id, self.contact_a)

    def test_foreign_token_is_refused(self):
        self.sub_a.payment_token_id = self.token_a1
        self.authenticate("alpha", "alpha")
        response = self._choose_token(self.sub_a, self.token_b.id)
        self.assertIn("This payment method is not one of yours", response.text)
        self.assertEqual(self.sub_a.payment_token_id, self.token_a1)

    def test_form_without_csrf_token_changes_nothing(self):
        self.authenticate("alpha", "alpha")
        response = self._choose_token(self.sub_a, self.token_a1.id, csrf=False)
        self.assertIn("Your session has expired", response.text)
        self.assertFalse(self.sub_a.payment_token_id)

    def test_closed_subscription_payment_method_cannot_change(self):
        self.authenticate("alpha", "alpha")
        response = self._choose_token(self.sub_a_closed, self.token_a1.id)
        self.assertIn("This subscription is closed", response.text)
        self.assertFalse(self.sub_a_closed.payment_token_id)

    def test_french_messages(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_a.lang = "fr_FR"
        self.authenticate("alpha", "alpha")
        response = self._choose_token(self.sub_a, self.token_b.id)
        self.assertIn("Ce moyen de paiement ne vous appartient pas", response.text)
        html = self.url_open("/my/subscriptions/999999").text
        self.assertIn("Cet abonnement n'existe pas ou ne vous appartient pas", html)

    # isolation -------------------------------------------------------------
    def test_other_company_gets_nothing_on_any_route(self):
        self.authenticate("alpha", "alpha")
        foreign = self.sub_b
        token_b = foreign._portal_ensure_token()
        self.sub_a._portal_ensure_token()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "contract-beta.txt",
                "raw": b"Beta secret",
                "res_model": "sale.subscription",
                "res_id": foreign.id,
            }
        )
        foreign.message_post(body="Beta only", attachment_ids=attachment.ids)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.company_b.id,
                "subscription_id": foreign.id,
                "invoice_line_ids": [(0, 0, {"name": "Beta licence", "price_unit": 20.0})],
            }
        )
        invoice.action_post()
        for url in (
            f"/my/subscriptions/{foreign.id}",
            f"/my/subscriptions/{foreign.id}?access_token={self.sub_a.access_token}",
            f"/my/subscriptions/{foreign.id}?access_token=forged",
            f"/my/subscriptions/{foreign.id}?report_type=html",
            f"/my/subscriptions/{foreign.id}?report_type=pdf&download=1",
            f"/my/subscriptions/{foreign.id}/payment_method",
            f"/my/subscriptions/{self.sub_a_draft.id}",
            "/my/subscriptions/999999",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.url.endswith("/my/subscriptions"), response.url)
                self.assertIn("does not exist or is not one of yours", response.text)
                self.assertNotIn(foreign.name, response.text)
        response = self.url_open(
            f"/my/subscriptions/{foreign.id}/payment_method",
            data={"payment_token_id": str(self.token_a1.id), "csrf_token": "x"},
        )
        self.assertFalse(foreign.payment_token_id)
        response = self.url_open(f"/my/invoices/{invoice.id}")
        self.assertNotIn("Beta licence", response.text)
        self.assertNotIn(invoice.name, response.text)
        for url in (f"/web/content/{attachment.id}", f"/web/content/{attachment.id}?download=1"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn("Beta secret", response.text)
        self.assertEqual(self._counters()["subscription_count"], 3)
        listing = self.url_open("/my/subscriptions?sortby=name").text
        self.assertNotIn("o_portal_subscription_not_found", listing, "said once, not again")
        # The owner's token opens the page for whoever holds the link, as on sale orders.
        self.authenticate(None, None)
        response = self.url_open(f"/my/subscriptions/{foreign.id}?access_token={token_b}")
        self.assertIn(foreign.name, response.text)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my/subscriptions", allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])
        response = self.url_open(f"/my/subscriptions/{self.sub_a.id}", allow_redirects=False)
        self.assertNotIn(self.sub_a.name, response.text)
