"""A customer signs a ticket when the technician asks: from the portal ticket page (JSON
route of portal.signature_form), or on the technician's tablet in the backend. Stored
with the signer and the time, posted in the chatter as an image, never replaced by the
customer; another customer's ticket is refused, over HTTP and XML-RPC alike."""

import base64
import io
import json
import xmlrpc.client

from PIL import Image

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TechnicianCase

# A 1x1 transparent PNG, as the signature pad sends it (base64, no data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@tagged("post_install", "-at_install")
class TestSignature(TechnicianCase):
    def setUp(self):
        super().setUp()
        self.ticket = self._request(self.contact_a, user_id=self.technician.id)

    def _sign(self, ticket, name="Contact of Alpha Transports", signature=SIGNATURE):
        response = self.url_open(
            f"/my/ticket/{ticket.id}/sign",
            data=json.dumps({"params": {"name": name, "signature": signature}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def test_portal_signature_when_requested(self):
        self.authenticate("alpha", "alphaxxx")
        self.assertIn("error", self._sign(self.ticket), "nothing was requested yet")
        page = self.url_open(f"/my/ticket/{self.ticket.id}").text
        self.assertNotIn("o_ticket_sign_modal", page)

        self.ticket.with_user(self.technician).action_request_signature()
        page = self.url_open(f"/my/ticket/{self.ticket.id}").text
        self.assertIn("o_ticket_sign_modal", page)
        result = self._sign(self.ticket)
        self.assertTrue(result.get("force_refresh"), result)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.signed_by, "Contact of Alpha Transports")
        self.assertTrue(self.ticket.signed_on)
        self.assertEqual(base64.b64decode(self.ticket.signature)[:4], b"\x89PNG")
        posted = self.ticket.message_ids.filtered(lambda m: "signed by" in (m.body or "").lower())
        self.assertEqual(posted.author_id, self.contact_a)
        self.assertEqual(posted.attachment_ids.mimetype, "image/png")
        self.assertFalse(posted.subtype_id.internal, "the customer sees it")
        page = self.url_open(f"/my/ticket/{self.ticket.id}").text
        self.assertIn("o_ticket_signed", page)

        self.assertIn("error", self._sign(self.ticket, name="Quelqu'un d'autre"))
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.signed_by, "Contact of Alpha Transports", "not replaced")

    def test_the_request_is_written_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.contact_a.lang = "fr_FR"
        self.technician.lang = "en_US"
        self.ticket.with_user(self.technician).action_request_signature()
        request = self.ticket.message_ids[:1]
        self.assertIn("Merci de signer ce ticket", request.body)
        self.assertNotIn("Please sign", request.body)

    def test_bad_signatures_are_refused_with_a_message(self):
        self.ticket.action_request_signature()
        self.authenticate("alpha", "alphaxxx")
        # 24 kB of PNG claiming 200 million pixels, and a picture Odoo does not process.
        bomb = io.BytesIO()
        Image.new("1", (20000, 10000)).save(bomb, "PNG")
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        for name, signature in (
            ("", SIGNATURE),
            ("Alpha", ""),
            ("Alpha", "pas du base64 !"),
            ("Alpha", ["liste"]),
            ("\x00" * 5, SIGNATURE),
            ("Alpha", base64.b64encode(bomb.getvalue()).decode()),
            ("Alpha", base64.b64encode(svg).decode()),
        ):
            result = self._sign(self.ticket, name=name, signature=signature)
            self.assertTrue(result.get("error"), (name, signature))
        self.ticket.invalidate_recordset()
        self.assertFalse(self.ticket.signature)

    def test_another_customer_cannot_sign(self):
        self.ticket.action_request_signature()
        self.authenticate("beta", "betaxxxx")
        self.assertIn("error", self._sign(self.ticket))
        self.ticket.invalidate_recordset()
        self.assertFalse(self.ticket.signature)

    def test_customer_cannot_replace_a_signature_over_xmlrpc(self):
        self.ticket.action_request_signature()
        self.ticket.with_user(self.user_a).sudo()._sign_by_customer("Alpha", SIGNATURE)
        with self.assertRaises(xmlrpc.client.Fault):
            self._xmlrpc(
                "alpha",
                "helpdesk.ticket",
                "write",
                [self.ticket.id],
                {"signature": SIGNATURE, "signed_by": "X"},
            )
        with self.assertRaises(xmlrpc.client.Fault):
            self._xmlrpc(
                "alpha", "helpdesk.ticket", "write", [self.ticket.id], {"signature_requested": True}
            )
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.signed_by, "Alpha")

    def test_model_rule_for_customers(self):
        ticket = self.ticket.with_user(self.user_a).sudo()
        with self.assertRaises(UserError):
            ticket.write({"signature": SIGNATURE})  # not requested
        self.ticket.action_request_signature()
        ticket.write({"signature": SIGNATURE, "signed_by": "Alpha"})
        with self.assertRaises(UserError):
            ticket.write({"signature": SIGNATURE})  # already signed

    def test_backend_signature_on_the_technicians_tablet(self):
        self.ticket.with_user(self.technician).action_request_signature()
        self.ticket.with_user(self.technician).write(
            {"signature": SIGNATURE, "signed_by": "Julie Martin"}
        )
        self.assertTrue(self.ticket.signed_on)
        posted = self.ticket.message_ids.filtered(lambda m: "Julie Martin" in (m.body or ""))
        self.assertEqual(posted.attachment_ids.mimetype, "image/png")
        with self.assertRaises(UserError):
            self.ticket.with_user(self.technician).action_request_signature()
        # Signed once, whoever writes: the customer's signature is not drawn over.
        with self.assertRaisesRegex(UserError, "already signed"):
            self.ticket.with_user(self.technician).write({"signature": SIGNATURE})
        self.assertEqual(self.ticket.signed_by, "Julie Martin")
        self.ticket.with_user(self.technician).write({"signature": False})  # cleared
        self.assertFalse(self.ticket.signed_on, "the form offers the pad again")
        self.ticket.with_user(self.technician).write({"signature": SIGNATURE})
        self.assertTrue(self.ticket.signature)

    def test_signer_name_cleaned_whatever_the_door(self):
        self.ticket.with_user(self.technician).action_request_signature()
        self.ticket.with_user(self.technician).write(
            {"signature": SIGNATURE, "signed_by": "Julie\x00 Martin" + "x" * 100_000}
        )
        self.assertTrue(self.ticket.signed_by.startswith("Julie Martin"))
        self.assertEqual(len(self.ticket.signed_by), 200)


def _png(width, height, junk=0):
    """A PNG of ``width`` × ``height`` (strokes on transparency), followed by ``junk``
    bytes that are no part of the picture, base64."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    for x in range(0, width, 3):
        image.putpixel((x, (x * 7) % height), (0, 0, 128, 255))
    output = io.BytesIO()
    image.save(output, "PNG")
    return base64.b64encode(output.getvalue() + b"\x00junk" * (junk // 5)).decode()


@tagged("post_install", "-at_install")
class TestSignatureBytes(TechnicianCase):
    """What is stored, posted and shown is the picture, saved again: never the bytes
    that came with it."""

    def setUp(self):
        super().setUp()
        self.ticket = self._request(self.contact_a, user_id=self.technician.id)
        self.ticket.action_request_signature()

    def _stored(self):
        self.ticket.invalidate_recordset()
        data = base64.b64decode(self.ticket.signature)
        return data, Image.open(io.BytesIO(data))

    def assertSmallPng(self, data, image, size):
        self.assertEqual(image.format, "PNG")
        self.assertEqual(image.size, size)
        self.assertLess(len(data), 20_000, "the picture, not the junk after it")

    def test_junk_after_the_picture_is_neither_stored_nor_shown(self):
        self.authenticate("alpha", "alphaxxx")
        # Under the route's limit: a signature whose file holds 3 MB after the picture.
        signature = _png(120, 40, junk=3_000_000)
        response = self.url_open(
            f"/my/ticket/{self.ticket.id}/sign",
            data=json.dumps({"params": {"name": "Alpha", "signature": signature}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertTrue(response.json()["result"].get("force_refresh"), response.text[:300])
        data, image = self._stored()
        self.assertSmallPng(data, image, (120, 40))
        posted = self.ticket.message_ids.filtered(lambda m: "Alpha" in (m.body or ""))
        self.assertLess(posted.attachment_ids.file_size, 20_000, "the chatter's copy too")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertLess(len(page.content), 500_000, "the page after signing")

    def test_the_backend_stores_the_picture_saved_again(self):
        # The technician's tablet (backend): the junk goes, as from the portal.
        self.ticket.with_user(self.technician).write(
            {"signature": _png(120, 40, junk=500_000), "signed_by": "Julie Martin"}
        )
        data, image = self._stored()
        self.assertSmallPng(data, image, (120, 40))
        self.assertNotIn(b"junk", data)
        # A large picture fits in the box.
        other = self._request(self.contact_a, user_id=self.technician.id)
        other.action_request_signature()
        other.with_user(self.technician).write({"signature": _png(3000, 1000)})
        image = Image.open(io.BytesIO(base64.b64decode(other.signature)))
        self.assertEqual(image.format, "PNG")
        self.assertLessEqual(image.size[0], 1024)
        self.assertLessEqual(image.size[1], 512)

    def test_a_body_over_the_limit_gets_a_message_the_widget_shows(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.contact_a.lang = "fr_FR"
        self.authenticate("alpha", "alphaxxx")
        signature = _png(120, 40, junk=6 * 1024 * 1024)
        response = self.url_open(
            f"/my/ticket/{self.ticket.id}/sign",
            data=json.dumps({"params": {"name": "Alpha", "signature": signature}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertLess(response.status_code, 500)
        error = response.json()["result"]["error"]
        self.assertIn("rien n'a été enregistré", error)
        self.ticket.invalidate_recordset()
        self.assertFalse(self.ticket.signature)
