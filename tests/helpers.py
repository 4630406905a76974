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


def _tour_with_screenshot(run, path):
    """Runs ``run()`` (a tour), capturing the page as the tour leaves it into ``path``."""
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
        result = run()
    assert captured.get("png", b"").startswith(b"\x89PNG"), "no screenshot taken"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(captured["png"])
    return result


def start_tour_with_screenshot(case, url, tour, login, name):
    """Runs ``tour`` as ``login``, then captures the page as the tour leaves it into
    ``docs/<name>.png``: the pictures of README.md come from the test suite."""
    _tour_with_screenshot(lambda: case.start_tour(url, tour, login=login), DOCS / f"{name}.png")


JOURNEYS = REPO_ROOT / ".local" / "journeys"


class JourneyScreenshots:
    """For journey tours: the page each tour ends on is kept as
    ``.local/journeys/<tour>.png`` (not committed), for whoever reviews a run to look
    at what the user saw last."""

    def start_tour(self, url_path, tour_name, **kwargs):
        return _tour_with_screenshot(
            lambda: super(JourneyScreenshots, self).start_tour(url_path, tour_name, **kwargs),
            JOURNEYS / f"{tour_name}.png",
        )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def own_server(log, *options):
    """Yields the URL of an Odoo HTTP server of its own on the test database (``options``
    such as --workers=4), its log in ``log``; stopped after. For races: concurrent
    requests need a server with concurrent transactions, not the test's."""
    import subprocess
    import sys
    import time

    import pytest
    import requests

    from odoo.tools import config

    port = free_port()
    odoo_bin = config["root_path"].rsplit("/", 1)[0] + "/odoo-bin"
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable, odoo_bin, "-c", config.rcfile, "-d", config["db_name"],
            *options, "--max-cron-threads=0", f"--http-port={port}",
            f"--gevent-port={free_port()}", "--logfile", str(log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/web/login", timeout=5).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the Odoo server did not start: " + log.read_text())
    yield url
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def logged_in(url, login):
    """A requests session logged in as ``login`` (password = login, as new_test_user)."""
    import re

    import requests

    session = requests.Session()
    page = session.get(url + "/web/login", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    session.post(
        url + "/web/login",
        data={"login": login, "password": login, "csrf_token": csrf, "redirect": "/my"},
        timeout=30,
    )
    return session
