""" "Are you satisfied?" on the resolved ticket's page: the customer gives there the rating
the resolution's e-mail asks for (the same rating record as the e-mail's smileys), sees
it and changes it; bad input gets a message, another company's customer nothing."""

import re

from odoo.tests import tagged

from .common import TechnicianCase


@tagged("post_install", "-at_install")
class TestPortalRating(TechnicianCase):
    def _resolved(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        ticket.with_user(self.technician).stage_id = self.stages["done"]
        return ticket

    def _mailed_token(self, ticket):
        """The token of the rating links in the e-mail the resolution sent."""
        request = ticket.message_ids.filtered(lambda m: "/rate/" in (m.body or ""))
        self.assertEqual(len(request), 1, "one rating e-mail")
        return re.search(r"/rate/(\w+)/5", request.body).group(1)

    def _rate(self, ticket, rate, feedback="", login="alpha"):
        """Sends the block's form as ``login``; returns the ticket page it leads to."""
        self.authenticate(login, login)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        return self.url_open(
            f"/my/ticket/{ticket.id}/rating",
            data={"rate": rate, "feedback": feedback, "csrf_token": self._csrf(page.text)},
        )

    def _block(self, html):
        found = re.search(r'<div id="o_ticket_rating".*?</form>', html, re.S)
        return found.group(0) if found else ""

    def test_rate_change_and_see_the_rating_on_the_ticket_page(self):
        ticket = self._resolved()
        token = self._mailed_token(ticket)
        self.authenticate("alpha", "alpha")
        block = self._block(self.url_open(f"/my/ticket/{ticket.id}").text)
        self.assertIn("Are you satisfied?", block)
        self.assertNotIn("Your rating:", block, "not rated yet")

        page = self._rate(ticket, 3, "Un peu long à venir")
        self.assertEqual(page.status_code, 200)
        self.assertTrue(page.url.endswith(f"/my/ticket/{ticket.id}#o_ticket_rating"), page.url)
        block = self._block(page.text)
        self.assertRegex(block, r"Your rating:</span>\s*<strong>Okay</strong>")
        self.assertIn("Un peu long à venir", block)
        self.assertRegex(block, r'id="o_ticket_rate_3" value="3" checked')
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1, "the e-mail's rating, no other")
        self.assertEqual(rating.access_token, token)
        self.assertEqual(
            (rating.rating, rating.feedback, rating.consumed), (3, "Un peu long à venir", True)
        )

        # Changed from the page, as the e-mail's link changes it: one rating, one message.
        block = self._block(self._rate(ticket, 5, "Finalement parfait").text)
        self.assertRegex(block, r"Your rating:</span>\s*<strong>Satisfied</strong>")
        self.assertEqual((rating.rating, rating.feedback), (5, "Finalement parfait"))
        self.assertEqual(len(ticket.rating_ids), 1)
        self.assertEqual(len(ticket.message_ids.filtered("rating_ids")), 1)
        self.assertIn("Finalement parfait", rating.message_id.body)
        self.assertEqual(rating.message_id.author_id, self.contact_a)
        self.assertEqual(ticket.positive_rate_percentage, 100)

    def test_bad_input_gets_a_message_and_stores_nothing(self):
        ticket = self._resolved()
        rating = ticket.rating_ids
        for rate in (4, "x\x00", "", "99999999999999"):
            block = self._block(self._rate(ticket, rate, "Mon avis").text)
            self.assertIn("Choose how satisfied you are.", block, rate)
            self.assertIn("Mon avis", block, "what was typed is kept")
        self.assertFalse(rating.consumed)
        block = self._block(self._rate(ticket, 1, "x" * 5001).text)
        self.assertIn("Your comment is too long: at most 5000 characters.", block)
        self.assertFalse(rating.consumed)
        self._rate(ticket, 1, "Trop\x00 lent")
        self.assertEqual((rating.rating, rating.feedback), (1, "Trop lent"), "NUL removed")

    def test_no_block_and_no_rating_where_none_is_asked(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn("o_ticket_rating", page.text, "not resolved: nothing to rate")
        block = self._block(self._rate(ticket, 5).text + "</form>")
        self.assertIn(f"Ticket {ticket.number} is not waiting for your rating.", block)
        self.assertFalse(ticket.rating_ids.filtered("consumed"))

    def test_another_company_cannot_rate(self):
        ticket = self._resolved()
        page = self._rate(ticket, 1, "Sabotage", login="beta")
        self.assertNotIn("o_ticket_rating", page.text)
        self.assertFalse(ticket.rating_ids.consumed)

    def test_the_e_mail_link_without_logging_in(self):
        """The rating e-mail's link works for a customer not logged in; its comment
        follows the same rules as on the page."""
        ticket = self._resolved()
        token = self._mailed_token(ticket)
        self.authenticate(None, None)
        page = self.url_open(f"/rate/{token}/5")
        csrf = re.search(r'name="csrf_token"\s+value="([^"]+)"', page.text).group(1)
        too_long = self.url_open(
            f"/rate/{token}/submit_feedback",
            data={"rate": 1, "feedback": "x" * 5001, "csrf_token": csrf},
        )
        self.assertNotEqual(too_long.status_code, 500)
        self.assertIn("at most 5000 characters", too_long.text)
        self.assertFalse(ticket.rating_ids.consumed)
        answer = self.url_open(
            f"/rate/{token}/submit_feedback",
            data={"rate": 3, "feedback": "Correct\x00", "csrf_token": csrf},
        )
        self.assertEqual(answer.status_code, 200)
        self.assertIn("o_rating_page_thank_you", answer.text)
        self.assertEqual((ticket.rating_ids.rating, ticket.rating_ids.feedback), (3, "Correct"))
