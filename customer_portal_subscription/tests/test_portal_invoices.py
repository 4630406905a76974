"""Invoices as a customer's contact reads them: how long until each unpaid invoice is
due or how late it is, and the overdue ones counted for the whole company."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import SubscriptionCaseMixin


@tagged("post_install", "-at_install")
class TestPortalInvoices(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls._setup_two_customers()
        today = fields.Date.context_today(cls.env.user)

        def invoice(partner, due_in_days, amount=100.0):
            move = cls.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": today - timedelta(days=30),
                    "invoice_date_due": today + timedelta(days=due_in_days),
                    "invoice_line_ids": [(0, 0, {"name": "Licences", "price_unit": amount})],
                }
            )
            move.action_post()
            return move

        # Addressed to the company, as invoices are; the contact logs in.
        cls.late = invoice(cls.company_a, -15)
        cls.soon = invoice(cls.company_a, 5)
        cls.other = invoice(cls.company_b, -3)

    def test_due_in_and_overdue_in_the_list(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open("/my/invoices").text
        self.assertIn("15 days overdue", page)
        self.assertIn("Due in 5 days", page)

    def test_invoices_not_bills(self):
        self.authenticate("alpha", "alpha")
        for url in ("/my/invoices", f"/my/invoices/{self.late.id}"):
            with self.subTest(url=url):
                page = self.url_open(url).text
                self.assertNotIn("Bills", page)
                self.assertRegex(page, r"breadcrumb-item[^>]*>\s*(<a[^>]*>)?Invoices\s*<")
        page = self.url_open("/my/invoices?filterby=bills").text
        self.assertNotIn("Bills", page, "an unknown filter shows all the invoices")

        self.authenticate("alpha", "alpha")
        preview = self.url_open(f"/my/invoices/{self.late.id}?report_type=html")
        self.assertEqual(preview.status_code, 200)
        self.assertIn(self.late.name, preview.text)
        self.assertNotIn("PROFORMA", preview.text.upper().replace("-", "").replace(" ", ""))

    def test_posted_invoice_download_is_not_a_pro_forma(self):
        self.authenticate("alpha", "alpha")
        self.assertFalse(self.late.invoice_pdf_report_id, "never printed from the backend")
        download = self.url_open(f"/my/invoices/{self.late.id}?report_type=pdf&download=true")
        self.assertEqual(download.status_code, 200)
        self.assertIn("attachment", download.headers.get("Content-Disposition", ""))
        self.assertNotIn("proforma", download.headers["Content-Disposition"].lower())
        self.assertNotIn("PROFORMA", download.text.upper().replace("-", "").replace(" ", ""))
        other = self.url_open(f"/my/invoices/{self.other.id}?report_type=pdf&download=true")
        self.assertNotIn(self.other.name, other.text, "another company's invoice")

    def test_overdue_filter_and_home_alert_count_the_company_invoices(self):
        self.authenticate("alpha", "alpha")
        page = self.url_open("/my/invoices?filterby=overdue_invoices").text
        self.assertIn(self.late.name, page)
        self.assertNotIn(self.soon.name, page)
        self.assertNotIn(self.other.name, page, "another company's")
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["overdue_invoice_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters["overdue_invoice_count"], 1)

    def test_payment_methods_page_title_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_a.lang = "fr_FR"
        self.authenticate("alpha", "alpha")
        page = self.url_open("/my/payment_method").text
        breadcrumb = page.split("o_payment_portal_home")[1].split("</ol>")[0]
        self.assertIn("Modes de paiement", breadcrumb)
