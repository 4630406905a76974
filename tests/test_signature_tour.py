"""On the technician's tablet (the backend form), the customer of a ticket waiting for
its signature draws it, the technician saves and reloads: the signature is there, on a
laptop and on a phone (the field used to turn read-only once drawn, so the web client
never sent it)."""

import base64
import io

from helpers import JourneyScreenshots, suite_case
from PIL import Image

from odoo.tests import HttpCase


@suite_case("post_install")
class TestSignatureTour(JourneyScreenshots, HttpCase):
    def _sign_in_the_backend(self):
        ticket = self.env.ref("customer_portal_technician.ticket_martin_onsite_demo")
        self.assertTrue(ticket.signature_requested and not ticket.signature)
        self.start_tour(
            f"/odoo/helpdesk.ticket/{ticket.id}",
            "customer_portal_technician_signature_tour",
            login="technicien",
        )
        ticket.invalidate_recordset()
        self.assertTrue(ticket.signed_on)
        self.assertEqual(ticket.signed_by, "Julie Martin")
        picture = Image.open(io.BytesIO(base64.b64decode(ticket.signature)))
        self.assertEqual(picture.format, "PNG", "saved again by the server's check")
        self.assertTrue(picture.getbbox(), "the drawing, not an empty picture")
        posted = ticket.message_ids.filtered(lambda m: "Julie Martin" in (m.body or ""))
        self.assertEqual(posted.attachment_ids.mimetype, "image/png")

    def test_signature_drawn_in_the_backend_is_kept(self):
        self._sign_in_the_backend()

    def test_signature_drawn_in_the_backend_on_a_phone_is_kept(self):
        self.browser_size = "375x667"
        self.touch_enabled = True
        self._sign_in_the_backend()
