"""Section J of the help centre: a customer signs a SEPA direct-debit mandate from
*Payment methods* (IBAN checked, holder, signature), sees it listed with its mandate
reference (RUM) and deletes it; a contact pays with its company's saved methods."""

import json
import re

from odoo.tests import HttpCase, tagged

from .common import SubscriptionCaseMixin

# A 1x1 transparent PNG, as the signature pad sends it (base64, no data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
IBAN = "FR7630006000011234567890189"


@tagged("post_install", "-at_install")
class TestSepaMandate(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_two_customers()
        cls.env["res.lang"]._activate_lang("fr_FR")
        (cls.user_a | cls.user_b).lang = "fr_FR"
        # The one provider that takes mandates (the demo's, if any, no longer does).
        cls.env["payment.provider"].search([("sepa_mandate_ok", "=", True)]).sepa_mandate_ok = False
        cls.provider = cls.env["payment.provider"].create(
            {
                "name": "Prélèvements",
                "state": "test",
                "is_published": True,
                "allow_tokenization": True,
                "sepa_mandate_ok": True,
            }
        )
        cls.Token = cls.env["payment.token"]
        cls._setup_subscription_data()

    def _post_details(self, iban, holder="Alpha Transports"):
        return self.url_open(
            "/my/payment_method/sepa",
            data={"iban": iban, "holder": holder, "csrf_token": self._page_csrf("/my")},
        )

    def _sign(self, name="Contact of Alpha Transports", signature=SIGNATURE):
        return self.url_open(
            "/my/payment_method/sepa/sign",
            data=json.dumps({"params": {"name": name, "signature": signature}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]

    def test_bad_iban_refused_in_french_with_what_was_typed_kept(self):
        self.authenticate("alpha", "alpha")
        page = self._post_details("FR76 3000 6000 0112 3456 7890 188")
        self.assertEqual(page.status_code, 200)
        self.assertIn("n&#39;est pas correct", page.text)
        self.assertIn("FR7630006000011234567890188", page.text)
        self.assertIn('value="FR76 3000 6000 0112 3456 7890 188"', page.text, "typed value kept")
        self.assertIn('value="Alpha Transports"', page.text)
        self.assertFalse(self._sign().get("force_refresh"), "nothing to sign")
        self.assertFalse(self.Token.search([("partner_id", "=", self.company_a.id)]))

    def test_mandate_signed_listed_and_deleted(self):
        self.authenticate("alpha", "alpha")
        methods = self.url_open("/my/payment_method").text
        self.assertIn('href="/my/payment_method/sepa"', methods)
        page = self._post_details(IBAN.lower())
        self.assertIn("FR76 •••• 0189", page.text)
        self.assertIn("/my/payment_method/sepa/sign", page.text)
        self.assertFalse(self.Token.search([("partner_id", "=", self.company_a.id)]))
        answer = self._sign()
        token = self.Token.search([("partner_id", "=", self.company_a.id)])
        self.assertEqual(len(token), 1, answer)
        self.assertEqual(token.sepa_iban, IBAN)
        self.assertEqual(token.sepa_holder_name, "Alpha Transports")
        self.assertEqual(token.sepa_signed_by, "Contact of Alpha Transports")
        self.assertTrue(token.sepa_signature and token.sepa_signed_on)
        self.assertTrue(token.sepa_mandate_ref.startswith("RUM-"))
        self.assertEqual(token.payment_method_id.code, "sepa_direct_debit")
        self.assertEqual(token.provider_id, self.provider)
        self.assertTrue(answer["redirect_url"].endswith(token.sepa_mandate_ref))
        listed = self.url_open(answer["redirect_url"]).text
        self.assertIn(token.sepa_mandate_ref, listed)
        self.assertIn("FR76 0189", listed)
        self.assertIn("o_sepa_mandate_saved", listed)
        self.assertNotIn(IBAN, listed, "the IBAN is never shown in full")
        # Another company's customer cannot delete it; its own customer does.
        self.authenticate("beta", "beta")
        self._archive(token)
        self.assertTrue(token.active)
        self.authenticate("alpha", "alpha")
        self._archive(token)
        self.assertFalse(token.active)
        self.assertNotIn(token.sepa_mandate_ref, self.url_open("/my/payment_method").text)

    def _archive(self, token):
        self.url_open(
            "/payment/archive_token",
            data=json.dumps({"params": {"token_id": token.id}}),
            headers={"Content-Type": "application/json"},
        )
        token.invalidate_recordset(["active"])

    def test_hostile_input_gets_a_message(self):
        self.authenticate("alpha", "alpha")
        for iban, holder in (
            ("FR76\x003000", "Alpha"),
            ("X" * 100_000, "Alpha"),
            (IBAN, "Al\x00pha"),
            (IBAN, "A" * 100_000),
        ):
            page = self._post_details(iban, holder)
            self.assertEqual(page.status_code, 200)
            self.assertTrue("o_sepa_mandate_error" in page.text or "/sepa/sign" in page.text)
        self.assertIn("nom", self._sign(name="\x00").get("error", ""))
        self.assertFalse(self.Token.search([("partner_id", "=", self.company_a.id)]))

    def test_signature_required_and_checked(self):
        self.authenticate("alpha", "alpha")
        self._post_details(IBAN)
        self.assertIn("signature", self._sign(signature="").get("error", "").lower())
        svg = "PHN2Zz48L3N2Zz4="  # <svg></svg>: not a picture we store
        self.assertIn("signature", self._sign(signature=svg).get("error", "").lower())
        self.assertIn("nom", self._sign(name=" ").get("error", ""))
        self.assertFalse(self.Token.search([("partner_id", "=", self.company_a.id)]))

    def test_contact_is_offered_its_company_saved_methods(self):
        company_token = self.Token.create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.env.ref("payment.payment_method_card").id,
                "partner_id": self.company_a.id,
                "payment_details": "4242",
                "provider_ref": "test-card",
            }
        )
        offered = self.Token._get_available_tokens(self.provider.ids, self.contact_a.id)
        self.assertIn(company_token, offered)
        other = self.Token._get_available_tokens(self.provider.ids, self.contact_b.id)
        self.assertNotIn(company_token, other)

    def _company_token(self, code, details):
        return self.Token.create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.env.ref(f"payment.payment_method_{code}").id,
                "partner_id": self.company_a.id,
                "payment_details": details,
                "provider_ref": f"test-{code}",
            }
        )

    def test_pay_now_on_a_subscription_invoice_selects_its_payment_method(self):
        mandate = self._company_token("sepa_direct_debit", "FR76 0189")
        self._company_token("card", "4242")  # newer: Odoo would select it first
        subscription = self._subscription(self.company_a, self.licence)
        subscription.payment_token_id = mandate
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.company_a.id,
                "subscription_id": subscription.id,
                "invoice_line_ids": [(0, 0, {"name": "Licences", "price_unit": 100.0})],
            }
        )
        invoice.action_post()
        self.authenticate("alpha", "alpha")
        page = self.url_open(invoice.get_portal_url()).text
        radios = re.findall(r"<input[^>]*data-payment-option-type=\"token\"[^>]*>", page)
        self.assertEqual(len(radios), 2, "the company's two saved methods are offered")
        checked = [radio for radio in radios if "checked" in radio]
        self.assertEqual(len(checked), 1)
        self.assertIn(f'data-payment-option-id="{mandate.id}"', checked[0])
