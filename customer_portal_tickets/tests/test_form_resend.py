"""A ticket form sent twice (double click, the browser's resend of the POST) creates
one ticket: the form carries a one-time key, the second sending lands on the first
one's confirmation page. Simultaneous sendings are tested against a real server in
tests/test_races.py."""

import re

from odoo.tests import tagged

from .common import TicketCase


@tagged("post_install", "-at_install")
class TestFormResend(TicketCase):
    def _form(self, kind="incident"):
        page = self.url_open(f"/my/support/new/{kind}").text
        key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', page)
        self.assertTrue(key, "the form carries a one-time key")
        return {"csrf_token": self._csrf(page), "submission_key": key.group(1)}

    def test_the_same_form_sent_twice_creates_one_ticket(self):
        self.authenticate("alpha", "alpha")
        payload = {**self._form(), **self._incident()}
        first = self.url_open("/my/support/new/incident", data=payload)
        again = self.url_open("/my/support/new/incident", data=payload)
        ticket = self._tickets(self.contact_a)
        self.assertEqual(len(ticket), 1)
        for response in (first, again):
            self.assertIn(f"/my/support/sent/{ticket.id}", response.url)
            self.assertIn(ticket.number, response.text)

    def test_each_form_opened_is_a_new_request(self):
        self.authenticate("alpha", "alpha")
        for subject in ("Première demande de formation", "Seconde demande, autre sujet"):
            payload = {**self._form("service"), "subject": subject, "description": "Détails."}
            self.url_open("/my/support/new/service", data=payload)
        self.assertEqual(len(self._tickets(self.contact_a)), 2)

    def test_a_form_sent_back_keeps_its_key_until_the_ticket_is_created(self):
        self.authenticate("alpha", "alpha")
        form = self._form()
        page = self.url_open("/my/support/new/incident", data={**form, "subject": ""}).text
        self.assertIn(f'name="submission_key" value="{form["submission_key"]}"', page)
        self.assertFalse(self._tickets(self.contact_a))
        sent = self.url_open("/my/support/new/incident", data={**form, **self._incident()})
        self.assertIn("/my/support/sent/", sent.url)

    def test_another_customers_key_is_not_a_way_to_their_ticket(self):
        self.authenticate("alpha", "alpha")
        form = self._form()
        self.url_open("/my/support/new/incident", data={**form, **self._incident()})
        ticket_a = self._tickets(self.contact_a)
        self.authenticate("beta", "beta")
        page = self.url_open("/my/support/new/incident").text
        payload = {
            **self._incident(product_id=""),
            "csrf_token": self._csrf(page),
            "submission_key": form["submission_key"],
        }
        response = self.url_open("/my/support/new/incident", data=payload)
        ticket_b = self._tickets(self.contact_b)
        self.assertEqual(len(ticket_b), 1, "beta's own ticket is created")
        self.assertNotIn(f"/my/support/sent/{ticket_a.id}", response.url)
