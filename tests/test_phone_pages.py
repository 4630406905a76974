"""Every customer page on a phone (375 px wide, in Chromium): what the customer needs on
that page is on the screen, not hidden by CSS, not under another element, not past the
right edge (no sideways scrolling inside a table to find a total or a state).

The pages are the portal's GET routes under /my of our addons (read from the routing map,
so that a page added later is checked or skipped here with its reason) and the native
pages the portal shows customers; the ids are the demo records of client4 (Logistique
Dubois, 4 stars). One browser for all the pages: each is loaded in a 375 px frame of the
same origin, which lays it out as a phone does (media queries follow the frame's width)."""

import json
import pathlib

from helpers import suite_case

from odoo import http
from odoo.tests import HttpCase

# Routes under /my that are not a page of their own, with the reason.
NOT_PAGES = {
    "/my/credit/page/<int:page>": "page 2 of /my/credit, the same template",
    "/my/subscriptions/page/<int:page>": "page 2 of /my/subscriptions, the same template",
    "/my/tickets/page/<int:page>": "page 2 of /my/tickets, the same template",
    "/my/invoices/page/<int:page>": "page 2 of /my/invoices, the same template",
    "/my/orders/page/<int:page>": "page 2 of /my/orders, the same template",
    "/my/quotes/page/<int:page>": "page 2 of /my/quotes, the same template",
    "/my/home": "the same page as /my",
}
# The native pages (not routes of our addons) the portal shows customers.
NATIVE_PAGES = {
    "/my/security",
    "/my/payment_method",
    "/my/invoices",
    "/my/orders",
    "/my/quotes",
    "/my/orders/<int:order_id>",
    "/my/ticket/<int:ticket_id>",
}
OUR_ADDONS = (
    "customer_portal_subscription",
    "customer_portal_tickets",
    "customer_portal_credit",
    "customer_portal_remote",
    "customer_portal_technician",
)

# The check run in the browser (an async function of the pages to check).
CHECK_PAGES_JS = (pathlib.Path(__file__).parent / "phone_pages_check.js").read_text()


@suite_case("post_install")
class TestPhonePages(HttpCase):
    browser_size = "375x812"
    touch_enabled = True

    def _demo(self, xmlid):
        return self.env.ref(xmlid)

    def _pages(self):
        """Each customer page: its route, the URL of the demo record, what must show."""
        user = self._demo("customer_portal_subscription.user_client4_demo")
        env = self.env(user=user)
        ticket = env["helpdesk.ticket"].search([], order="id desc", limit=1)
        subscription = env["sale.subscription"].search([], limit=1)
        invoice = env["account.move"].search([("move_type", "=", "out_invoice")], limit=1)
        order = env["sale.order"].search([("state", "=", "sale")], limit=1)
        self.assertTrue(ticket and subscription and invoice and order, "client4's demo")
        rows = "tbody tr:not(.o_portal_table_group_header)"
        return {
            "/my": (
                "/my",
                [
                    ("access code", ".o_portal_my_home .o_portal_access_code"),
                    ("support phone number", ".o_portal_my_home .o_portal_support_phone"),
                ],
            ),
            "/my/account": (
                "/my/account",
                [
                    ("legend of the required fields", ".o_required_legend"),
                    ("the phone, marked required", "label[for=phone] [aria-hidden=true]"),
                    ("save button", "form button[type=submit]"),
                ],
            ),
            "/my/security": ("/my/security", []),
            "/my/payment_method": ("/my/payment_method", []),
            "/my/payment_method/sepa": (
                "/my/payment_method/sepa",
                [("IBAN field", "input[name=iban]"), ("next button", "button.o_sepa_mandate_next")],
            ),
            "/my/support": (
                "/my/support",
                [
                    ("incident button", ".o_support_product_card a.o_support_incident"),
                    ("service request button", ".o_support_product_card a.o_support_service"),
                ],
            ),
            "/my/support/new/<string:kind>": (
                "/my/support/new/incident",
                [("send button", "form.o_support_form button[type=submit]")],
            ),
            "/my/support/sent/<int:ticket_id>": (
                f"/my/support/sent/{ticket.id}",
                [("the ticket number", ".o_support_ticket_number")],
            ),
            "/my/tickets": (
                "/my/tickets",
                [
                    ("ticket number", f"{rows} .o_ticket_number"),
                    ("subject", f"{rows} .o_ticket_subject"),
                    ("state", f"{rows} .o_ticket_portal_state"),
                ],
            ),
            "/my/ticket/<int:ticket_id>": (
                f"/my/ticket/{ticket.id}",
                [("state", ".o_ticket_portal_state"), ("ticket number", "[data-id=number]")],
            ),
            "/my/subscriptions": (
                "/my/subscriptions",
                [
                    ("subscription", f"{rows} .o_subscription_name"),
                    ("its cell (name and stars)", f"{rows} .o_subscription_cell"),
                    ("status", f"{rows} .o_subscription_state"),
                    ("total", f"{rows} .o_subscription_total"),
                ],
            ),
            "/my/subscriptions/<int:subscription_id>": (
                f"/my/subscriptions/{subscription.id}",
                [
                    ("product of each line", "#subscription_lines tbody .o_subscription_line_name"),
                    ("total of each line", "#subscription_lines tbody .o_subscription_line_total"),
                    ("total", "#subscription_lines tfoot .o_subscription_lines_total"),
                    ("status", ".o_portal_subscription_header .badge"),
                ],
            ),
            "/my/subscriptions/<int:subscription_id>/payment_method": (
                f"/my/subscriptions/{subscription.id}/payment_method",
                [],
            ),
            "/my/credit": (
                "/my/credit",
                [
                    ("balance", ".o_credit_balance"),
                    ("pack", "tr.o_credit_pack td:first-child"),
                    ("time remaining or expired", "tr.o_credit_pack .o_credit_pack_remaining"),
                    ("date of the time used", "tr.o_credit_history_line .o_credit_history_date"),
                    ("its ticket", "tr.o_credit_history_line .o_credit_history_ticket"),
                    ("its duration", "tr.o_credit_history_line .o_credit_history_duration"),
                ],
            ),
            "/my/remote": ("/my/remote", []),
            "/my/invoices": (
                "/my/invoices",
                [
                    ("invoice number", f"{rows} td:first-child a"),
                    ("amount due", f"{rows} td.o_invoice_amount"),
                    ("status", f"{rows} td[name=invoice_status] .o_invoice_state_label"),
                    ("pay button", f"{rows} td:last-child a.btn"),
                ],
            ),
            "/my/invoices/<int:invoice_id>": (
                invoice.get_portal_url(),
                [("total", ".o_portal_invoice_sidebar h2 span")],
            ),
            "/my/quotes": (
                "/my/quotes",
                [
                    ("quote number", f"{rows} td:first-child a"),
                    ("total", f"{rows} td:last-child"),
                ],
            ),
            "/my/orders": (
                "/my/orders",
                [
                    ("order number", f"{rows} td:first-child a"),
                    ("total", f"{rows} td:last-child"),
                ],
            ),
            "/my/orders/<int:order_id>": (
                order.get_portal_url(),
                [("total", "[data-id=total_amount]")],
            ),
        }

    def _routes(self):
        """The GET routes under /my that our addons define or override."""
        routes = set()
        modules = sorted(self.env.registry._init_modules)
        for url, endpoint in http._generate_routing_rules(modules, nodb_only=False):
            routing = endpoint.routing
            methods = routing.get("methods")
            if not url.startswith("/my") or routing.get("type") != "http":
                continue
            if methods and "GET" not in methods:
                continue
            module = getattr(endpoint.original_endpoint, "__module__", "").split(".")
            if len(module) > 2 and module[2] in OUR_ADDONS:
                routes.add(url)
        return routes

    def test_every_customer_page_on_a_phone(self):
        pages = self._pages()
        missing = self._routes() - set(pages) - set(NOT_PAGES)
        self.assertFalse(missing, "pages of our addons not checked at 375 px (add them)")
        self.assertFalse(NATIVE_PAGES - set(pages), "native pages not checked")
        self.authenticate("client4", "client4")
        for route, (url, _checks) in pages.items():
            with self.subTest(route=route):
                self.assertEqual(self.url_open(url).status_code, 200, url)
        checks = [{"url": url, "checks": checks} for url, checks in pages.values()]
        code = f"({CHECK_PAGES_JS})({json.dumps(checks)});"
        self.browser_js("/my", code, login="client4", timeout=240)
