"""A demo customer in Chromium: changes its details in "Mes coordonnées" (saved, the
home shows them), and reads its portal home on a phone (access code and number)."""

from helpers import JourneyScreenshots, suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestAccountDetailsTour(JourneyScreenshots, HttpCase):
    def test_client4_saves_a_change_of_its_details(self):
        partner = self.env.ref("customer_portal_subscription.partner_dubois_pierre_demo")
        self.assertTrue(partner.phone, "the demo contacts have their phone")
        self.start_tour("/my/account", "customer_portal_account_details_tour", login="client4")
        partner.invalidate_recordset()
        self.assertEqual(partner.street, "20 boulevard de l'Europe")

    def test_client4_reads_its_access_code_and_number_on_a_phone(self):
        self.browser_size = "375x812"
        self.touch_enabled = True
        self.start_tour("/my", "customer_portal_home_phone_tour", login="client4")
