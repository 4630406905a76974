"""A demo customer of each star level logs in and finds its own documents on /my;
it never sees another company's quotes, orders, invoices or tickets, by list or by URL."""

import json

from helpers import suite_case

from odoo.tests import HttpCase

SUB = "customer_portal_subscription."
LOGINS = {
    "client3": SUB + "partner_martin_demo",
    "client4": SUB + "partner_dubois_demo",
    "client5": SUB + "partner_bernard_demo",
}
COUNTERS = ["quotation_count", "order_count", "invoice_count", "ticket_count"]


@suite_case("post_install")
class TestPortalAccess(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.companies = {login: cls.env.ref(xmlid) for login, xmlid in LOGINS.items()}

    def _documents(self, company):
        """What a customer company owns, read as the administrator."""
        domain = [("partner_id", "child_of", company.id)]
        orders = self.env["sale.order"].search(domain)
        return {
            "quotes": orders.filtered(lambda o: o.state == "sent"),
            "orders": orders.filtered(lambda o: o.state == "sale"),
            "invoices": self.env["account.move"].search(
                domain + [("move_type", "=", "out_invoice"), ("state", "=", "posted")]
            ),
            "tickets": self.env["helpdesk.ticket"].search(domain),
        }

    def _counters(self):
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": COUNTERS}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_each_customer_sees_its_own_documents_only(self):
        for login, company in self.companies.items():
            with self.subTest(login=login):
                self.authenticate(login, login)
                home = self.url_open("/my")
                self.assertEqual(home.status_code, 200)
                contact = self.env["res.users"].search([("login", "=", login)]).partner_id
                self.assertTrue(contact.name in home.text, f"{login}: /my lacks {contact.name}")

                own = self._documents(company)
                counters = self._counters()
                self.assertEqual(counters["quotation_count"], len(own["quotes"]))
                # Odoo's sale portal counts orders with limit=1: the card shows or not.
                self.assertEqual(counters["order_count"], min(1, len(own["orders"])))
                self.assertEqual(counters["invoice_count"], len(own["invoices"]))
                self.assertEqual(counters["ticket_count"], len(own["tickets"]))
                self.assertTrue(all(counters[c] for c in COUNTERS), counters)

                pages = {
                    "quotes": self.url_open("/my/quotes").text,
                    "orders": self.url_open("/my/orders").text,
                    "invoices": self.url_open("/my/invoices").text,
                    "tickets": self.url_open("/my/tickets").text,
                }
                for kind, records in own.items():
                    for record in records:
                        label = record.number if kind == "tickets" else record.name
                        self.assertTrue(label in pages[kind], f"{login} misses {label}")

                for other_login, other in self.companies.items():
                    if other_login == login:
                        continue
                    theirs = self._documents(other)
                    for kind, records in theirs.items():
                        for record in records:
                            label = record.number if kind == "tickets" else record.name
                            self.assertFalse(label in pages[kind], f"{login} sees {label}")
                    self._assert_no_access(theirs)

    def _assert_no_access(self, theirs):
        """Each of another company's documents, asked for by URL, sends the customer
        away (to /my or the login page) and shows nothing of it."""
        urls = {f"/my/orders/{o.id}": o.name for o in theirs["quotes"] | theirs["orders"]}
        urls.update({f"/my/invoices/{m.id}": m.name for m in theirs["invoices"]})
        urls.update({f"/my/ticket/{t.id}": t.number for t in theirs["tickets"]})
        for url, label in urls.items():
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            followed = self.url_open(url)
            self.assertNotIn(url, followed.url, url)
            self.assertFalse(label in followed.text, f"{url} shows {label}")
