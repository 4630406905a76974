"""The demo 4-star customer (client4) pays its invoice with its company's saved SEPA
mandate from Pay now, after checking its PDF download, and adds a SEPA mandate, in
Chromium; and over HTTP, the same payment reads paid on the invoice page."""

import json
import re

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."


@suite_case("post_install")
class TestPaymentMethodsTour(JourneyScreenshots, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref(SUB + "partner_dubois_demo")
        cls.invoice = cls.env["account.move"].search(
            [
                ("partner_id", "child_of", cls.company.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "=", "not_paid"),
            ],
            limit=1,
        )
        cls.mandate = cls.env.ref(SUB + "payment_token_dubois_sepa_demo")

    def test_pay_now_with_the_saved_mandate(self):
        self.start_tour("/my/invoices", "customer_portal_pay_with_mandate_tour", login="client4")
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        transaction = self.invoice.transaction_ids
        self.assertEqual(transaction.token_id, self.mandate)
        self.assertEqual(transaction.state, "done")

    def test_add_a_sepa_mandate(self):
        self.start_tour("/my/payment_method", "customer_portal_sepa_mandate_tour", login="client4")
        mandate = (
            self.env["payment.token"].search(
                [("partner_id", "=", self.company.id), ("sepa_mandate_ref", "!=", False)]
            )
            - self.mandate
        )  # the demo's
        self.assertEqual(len(mandate), 1)
        self.assertEqual(mandate.sepa_iban, "FR7630006000011234567890189")
        self.assertTrue(mandate.sepa_signature)

    def test_pay_now_over_http_reads_paid(self):
        """What the payment form's JavaScript sends, and the page the customer lands on."""
        self.authenticate("client4", "client4")
        # The invoice's address as the customer types or bookmarks it, without its token:
        # Pay now sends the token the page holds.
        page = self.url_open(f"/my/invoices/{self.invoice.id}").text
        page_token = re.search(r'data-access-token="([^"]*)"', page)
        self.assertTrue(page_token and page_token.group(1), "the payment form holds a token")
        card = self.env.ref(SUB + "payment_token_dubois_card_demo")
        for token in (card, self.mandate):
            self.assertIn(f'data-payment-option-id="{token.id}"', page)
        self.assertIn(">Carte<", page.replace("\n", "").replace(" ", ""))
        self.assertNotIn(">Card<", page.replace("\n", "").replace(" ", ""))
        result = self.url_open(
            f"/invoice/transaction/{self.invoice.id}",
            data=json.dumps(
                {
                    "params": {
                        "access_token": page_token.group(1),
                        "provider_id": card.provider_id.id,
                        "payment_method_id": card.payment_method_id.id,
                        "token_id": card.id,
                        "amount": self.invoice.amount_residual,
                        "flow": "token",
                        "tokenization_requested": False,
                        "landing_route": self.invoice.get_portal_url(),
                        "is_validation": False,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertNotIn("error", result, result)
        # The status page polls until the payment is processed, then goes to the invoice.
        self.url_open(
            "/payment/status/poll",
            data=json.dumps({"params": {}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        page = self.url_open(self.invoice.get_portal_url()).text
        self.assertIn("Payé", page)
