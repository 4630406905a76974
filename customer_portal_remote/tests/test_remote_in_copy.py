"""A contact staff put in copy of a ticket hands a remote session over on it, as the
ticket's own customer does; a contact who only follows it cannot (one portal rule)."""

from odoo.addons.customer_portal_tickets.tests.common import TicketCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRemoteInCopy(TicketCase):
    def _hand_over(self, ticket):
        data = {
            "tool": "anydesk",
            "code": "482 193 507",
            "consent": "1",
            "csrf_token": self._page_csrf("/my"),
        }
        return self.url_open(f"/my/ticket/{ticket.id}/remote", data=data)

    def test_contact_in_copy_hands_over_a_follower_cannot(self):
        copied = self._ticket(self.contact_a, "Beta en copie")
        copied.cc_partner_ids = self.contact_b  # by staff
        followed = self._ticket(self.contact_a, "Suivi par Beta")
        # A follower of another company, written directly (as one from before the copy
        # list): following opens nothing.
        self.env["mail.followers"].create(
            {"res_model": followed._name, "res_id": followed.id, "partner_id": self.contact_b.id}
        )
        Session = self.env["customer.portal.remote.session"]
        self.authenticate("beta", "beta")

        self.assertNotIn(f"/my/ticket/{followed.id}", self._hand_over(followed).url)
        self.assertFalse(Session.search([("ticket_id", "=", followed.id)]))

        self.assertIn(f"/my/ticket/{copied.id}", self._hand_over(copied).url)
        session = Session.search([("ticket_id", "=", copied.id)])
        self.assertEqual(len(session), 1)
        self.assertEqual(session.consent_partner_id, self.contact_b)
