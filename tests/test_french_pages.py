"""A French customer reads its ticket page in Chromium: the chatter (Odoo's mail
JavaScript) is in French, not English."""

from helpers import suite_case

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
        self.start_tour(
            f"/my/ticket/{ticket.id}", "customer_portal_french_ticket_tour", login="client4"
        )
