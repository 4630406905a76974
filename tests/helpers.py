"""Shared by the repository-level tests (they span the five addons)."""

import pathlib

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = (
    "customer_portal_subscription",
    "customer_portal_tickets",
    "customer_portal_credit",
    "customer_portal_remote",
    "customer_portal_technician",
)


def suite_case(*tags):
    """Odoo tags test classes by the addon they live in (odoo.addons.<addon>.tests);
    these live outside any addon, so they are tagged here the same way."""

    def decorate(cls):
        cls.test_module = "customer_portal_suite"
        cls.test_class = cls.__name__
        cls.test_tags = {"standard", *(tags or ("at_install",))}
        return cls

    return decorate


DOCS = REPO_ROOT / "docs"


def start_tour_with_screenshot(case, url, tour, login, name):
    """Runs ``tour`` as ``login``, then captures the page as the tour leaves it into
    ``docs/<name>.png``: the pictures of README.md come from the test suite."""
    import base64
    from unittest.mock import patch

    from odoo.tests.common import ChromeBrowser

    captured = {}
    original_stop = ChromeBrowser.stop

    def stop_after_screenshot(browser):
        # Before the browser closes at the end of the tour, capture the page.
        if not captured:
            future = browser._websocket_send("Page.captureScreenshot", with_future=True)
            captured["png"] = base64.b64decode(future.result(timeout=20)["data"])
        return original_stop(browser)

    with patch.object(ChromeBrowser, "stop", stop_after_screenshot):
        case.start_tour(url, tour, login=login)
    case.assertTrue(captured.get("png", b"").startswith(b"\x89PNG"), "no screenshot taken")
    DOCS.mkdir(exist_ok=True)
    (DOCS / f"{name}.png").write_bytes(captured["png"])
