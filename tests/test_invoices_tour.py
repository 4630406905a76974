"""The demo 5-star customer, who has an invoice 15 days late, follows the home alert to
its invoices in Chromium; the README's invoices picture is taken here."""

from helpers import start_tour_with_screenshot, suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestInvoicesTour(HttpCase):
    def test_overdue_alert_to_invoice_list(self):
        start_tour_with_screenshot(
            self, "/my", "customer_portal_invoices_tour", "client5", "portal-invoices"
        )
