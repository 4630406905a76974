"""The demo 4-star customer reads its access code and changes the payment method of its
subscription, in Chromium."""

from helpers import start_tour_with_screenshot, suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."


@suite_case("post_install")
class TestSubscriptionTour(HttpCase):
    def test_access_code_and_payment_method_tour(self):
        subscription = self.env.ref(SUB + "subscription_dubois_demo")
        self.assertEqual(
            subscription.payment_token_id, self.env.ref(SUB + "payment_token_dubois_card_demo")
        )
        start_tour_with_screenshot(
            self, "/my", "customer_portal_subscription_tour", "client4", "portal-subscription"
        )
        self.assertEqual(
            subscription.payment_token_id, self.env.ref(SUB + "payment_token_dubois_sepa_demo")
        )
        note = subscription.message_ids.filtered(lambda m: "0099" in m.body)
        self.assertEqual(note.author_id, self.env.ref(SUB + "partner_dubois_pierre_demo"))
