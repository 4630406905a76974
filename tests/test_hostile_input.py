"""NUL bytes, other control characters and 100 kB strings in every parameter of every
route of the five addons never give a server error: each page answers with its content,
a message or a redirect."""

import json
from urllib.parse import urlencode

from helpers import suite_case

from odoo.tests import HttpCase
from odoo.tools import mute_logger

VALUES = ("\x00", "a\x00b\x01c", "x" * 100_000, "9" * 30, "²", "١٢")
# Servers refuse request lines over 64 kB (nginx over 8 kB): a URL carries less.
URL_VALUES = ("\x00", "a\x00b\x01c", "x" * 8_000, "9" * 30, "²", "١٢")


@suite_case("post_install")
class TestHostileInput(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.env["res.users"].search([("login", "=", "client4")])
        company = user.partner_id.commercial_partner_id
        cls.subscription = cls.env["sale.subscription"].search(
            [("partner_id", "child_of", company.id)], limit=1
        )
        cls.ticket = cls.env["helpdesk.ticket"].search(
            [("partner_id", "child_of", company.id), ("closed", "=", False)], limit=1
        )

    def setUp(self):
        super().setUp()
        self.authenticate("client4", "client4")

    def _assert_answers(self, response, what):
        self.assertLess(response.status_code, 500, what)
        self.assertNotIn("Internal Server Error", response.text, what)

    def _routes(self):
        """(method, url, parameters) of every route of ours, with the page's own ids."""
        sub, ticket = self.subscription.id, self.ticket.id
        return [
            ("GET", "/my", ["x"]),
            ("GET", "/my/subscriptions", ["sortby", "filterby", "search", "search_in", "page"]),
            ("GET", "/my/subscriptions/page/2", ["sortby", "filterby"]),
            ("GET", f"/my/subscriptions/{sub}", ["access_token", "report_type", "download"]),
            ("GET", f"/my/subscriptions/{sub}/payment_method", ["access_token", "token_id"]),
            ("POST", f"/my/subscriptions/{sub}/payment_method", ["payment_token_id", "csrf_token"]),
            (
                "GET",
                "/my/tickets",
                ["search", "search_in", "sortby", "filterby", "groupby", "page"],
            ),
            ("GET", f"/my/ticket/{ticket}", ["access_token", "report_type"]),
            ("GET", "/my/support", ["x"]),
            ("GET", "/my/support/new/incident", ["subject", "product_id", "previous_ticket_id"]),
            ("GET", "/my/support/new/administrative", ["invoice_id", "sale_order_id"]),
            ("GET", f"/my/support/sent/{ticket}", ["x"]),
            ("POST", f"/my/ticket/{ticket}/reopen", ["csrf_token"]),
            ("POST", "/ticket/close", ["ticket_id", "stage_id"]),
            ("POST", "/my/support/new/service", ["pending_attachment_id", "product_id"]),
            ("GET", "/my/credit", ["page", "x"]),
            ("GET", "/my/credit/page/2", ["x"]),
            ("GET", "/my/remote", ["x"]),
            ("POST", f"/my/ticket/{ticket}/remote", ["tool", "code", "consent"]),
            ("GET", "/my/quotes", ["sortby", "filterby", "page"]),
            ("GET", "/my/orders", ["sortby", "filterby"]),
            ("GET", "/my/invoices", ["filterby", "sortby", "page"]),
            ("GET", "/my/payment_method", ["sepa_mandate"]),
            ("GET", "/my/payment_method/sepa", ["iban", "holder"]),
            ("POST", "/my/payment_method/sepa", ["iban", "holder", "csrf_token"]),
            ("GET", "/new/ticket", ["category"]),
            ("POST", "/submitted/ticket", ["subject", "description"]),
        ]

    def test_every_parameter_of_every_route(self):
        csrf = self.url_open("/my").text.split('csrf_token: "')[1].split('"')[0]
        for method, url, parameters in self._routes():
            for parameter in parameters:
                for value in VALUES if method == "POST" else URL_VALUES:
                    what = f"{method} {url} {parameter}={value[:8]!r}"
                    with self.subTest(what), mute_logger("odoo.http"):
                        if method == "GET":
                            query = urlencode({parameter: value})
                            response = self.url_open(f"{url}?{query}")
                        else:
                            data = {"csrf_token": csrf, parameter: value}
                            response = self.url_open(url, data=data)
                        self._assert_answers(response, what)

    def test_huge_ids_in_paths(self):
        for url in (
            "/my/ticket/99999999999",
            "/my/subscriptions/99999999999",
            "/my/subscriptions/99999999999/payment_method",
            "/my/support/sent/99999999999",
            "/my/tickets/page/99999999999",
            "/my/subscriptions/page/99999999999",
        ):
            with self.subTest(url), mute_logger("odoo.http"):
                self._assert_answers(self.url_open(url), url)

    def test_chatter_message_and_file_names(self):
        for value in VALUES:
            with self.subTest(value[:8]), mute_logger("odoo.http"):
                payload = {
                    "params": {
                        "thread_model": "helpdesk.ticket",
                        "thread_id": self.ticket.id,
                        "post_data": {
                            "body": f"Message {value}",
                            "message_type": "comment",
                            "subtype_xmlid": "mail.mt_comment",
                        },
                    }
                }
                response = self.url_open(
                    "/mail/message/post",
                    data=json.dumps(payload),
                    headers={"Content-Type": "application/json"},
                )
                self._assert_answers(response, "chatter message")
                if len(value) > 30_000:
                    # Longer than a customer's message may be: said so, in French.
                    self.assertIn("trop long", response.json()["error"]["data"]["message"])
                else:
                    self.assertNotIn("error", response.json())
                csrf = self.url_open(f"/my/ticket/{self.ticket.id}").text
                csrf = csrf.split('csrf_token: "')[1].split('"')[0]
                response = self.url_open(
                    "/mail/attachment/upload",
                    data={
                        "thread_id": str(self.ticket.id),
                        "thread_model": "helpdesk.ticket",
                        "csrf_token": csrf,
                    },
                    files=[("ufile", (f"log{value[:50]}.txt", b"ok", "text/plain"))],
                )
                self._assert_answers(response, "chatter upload")
        self.assertFalse(
            any("\x00" in body for body in self.ticket.message_ids.mapped("body")),
            "NUL bytes never reach the database",
        )
