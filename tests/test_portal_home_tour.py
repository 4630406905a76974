"""A demo customer logs in with Chromium and opens the portal home; the screenshot
README.md shows is taken here."""

from helpers import DOCS, start_tour_with_screenshot, suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestPortalHomeTour(HttpCase):
    def test_portal_home_tour(self):
        start_tour_with_screenshot(
            self, "/my", "customer_portal_home_tour", "client4", "portal-home"
        )
        self.assertTrue((DOCS / "portal-home.png").read_bytes().startswith(b"\x89PNG"))
