"""A French customer reads its ticket page in Chromium: the chatter (Odoo's mail
JavaScript) is in French, not English."""

import re
from html import unescape

from helpers import start_tour_with_screenshot, suite_case

from odoo.tests import HttpCase


@suite_case("post_install")
class TestFrenchPages(HttpCase):
    def test_ticket_chatter_in_french(self):
        ticket = self.env.ref("customer_portal_tickets.ticket_dubois_progress_demo")
        ticket.message_post(
            body="Nous regardons cela aujourd'hui.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.env.ref("customer_portal_tickets.partner_technician_demo").id,
        )
        start_tour_with_screenshot(
            self,
            f"/my/ticket/{ticket.id}",
            "customer_portal_french_ticket_tour",
            "client4",
            "portal-ticket",
        )


# English a French customer must not read on the portal (server-rendered strings).
ENGLISH = [
    "Your logo",
    "Payment Methods",
    "Response expected",
    "Resolution expected",
    "Your signature",
    "Sign the ticket",
    "Mark as resolved",
    "Opened on",
    "Last change",
    "Remote maintenance",
    "Technical assistance",
    "Service credit",
    "Subscriptions",
    "Invoices",
    "Quotations",
    "Sales Orders",
    "Details",
    "Sort By",
    "Filter By",
    "Group By",
    "Download",
    "Due in",
    "days overdue",
    "Log out",
    "Powered by",
    "Search in",
    "Status",
    "Signed by",
]


def visible_text(html):
    """What the browser shows of a page: no scripts, styles, tags or attributes (the
    non-breaking spaces kept)."""
    html = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", html)
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"(?s)<[^>]+>", " ", html)))


# French typography: a non-breaking space, not a plain one, before ":", "?", "!" and ";".
PLAIN_SPACE_BEFORE_PUNCTUATION = re.compile(r".{0,30}\S [:?!;](?=\s|$).{0,10}")


@suite_case("post_install")
class TestFrenchPortalPages(HttpCase):
    def test_every_portal_page_of_the_journey_is_french(self):
        onsite = self.env.ref("customer_portal_technician.ticket_martin_onsite_demo")
        self.assertTrue(onsite.signature_requested)
        pages = {
            "client3": [
                "/my",
                "/my/support",
                "/my/support/new/incident",
                "/my/support/new/administrative",
                "/my/tickets",
                f"/my/ticket/{onsite.id}",
            ],
            "client4": [
                "/my/credit",
                "/my/remote",
                "/my/orders",
                "/my/quotes",
                "/my/subscriptions",
                "/my/invoices",
                "/my/account",
                "/my/payment_method",
                f"/my/ticket/{self.env.ref('customer_portal_tickets.ticket_dubois_progress_demo').id}",
            ],
            "client5": ["/my", "/my/tickets?groupby=portal_state"],
        }
        for login, urls in pages.items():
            self.authenticate(login, login)
            for url in urls:
                with self.subTest(login=login, url=url):
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertTrue(response.url.endswith(url), f"{url} led to {response.url}")
                    self.assertTrue("Déconnexion" in response.text, f"{url} is not in French")
                    text = visible_text(response.text)
                    found = [english for english in ENGLISH if english in text]
                    self.assertFalse(found, f"English on {url}")
                    crumbs = re.search(r"o_portal_submenu.*?</ol>", response.text, re.S)
                    self.assertNotIn("Feuilles de temps", crumbs.group(0) if crumbs else "")
                    typography = PLAIN_SPACE_BEFORE_PUNCTUATION.findall(text)
                    self.assertFalse(
                        typography, f"plain space before punctuation on {url}: {typography!r}"
                    )


@suite_case("post_install")
class TestTicketListOnALaptop(HttpCase):
    browser_size = "1280x800"

    def test_ticket_list_fits(self):
        self.start_tour("/my/tickets", "customer_portal_ticket_list_width_tour", login="client5")


@suite_case("post_install")
class TestTicketListOnAPhone(HttpCase):
    browser_size = "375x812"
    touch_enabled = True

    def test_ticket_list_fits(self):
        self.start_tour("/my/tickets", "customer_portal_ticket_list_width_tour", login="client5")
