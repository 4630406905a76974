"""A demo customer logs in with Chromium and opens the portal home; the screenshot
README.md shows is taken here."""

import base64
import pathlib
from unittest.mock import patch

from helpers import suite_case

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser

SCREENSHOT = pathlib.Path(__file__).resolve().parent.parent / "docs" / "portal-home.png"


@suite_case("post_install")
class TestPortalHomeTour(HttpCase):
    def test_portal_home_tour(self):
        captured = {}
        original_stop = ChromeBrowser.stop

        def stop_after_screenshot(browser):
            # Before the browser closes at the end of the tour, capture the page.
            if not captured:
                future = browser._websocket_send("Page.captureScreenshot", with_future=True)
                captured["png"] = base64.b64decode(future.result(timeout=20)["data"])
            return original_stop(browser)

        with patch.object(ChromeBrowser, "stop", stop_after_screenshot):
            self.start_tour("/my", "customer_portal_home_tour", login="client4")

        self.assertTrue(captured.get("png", b"").startswith(b"\x89PNG"))
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(captured["png"])
