"""A contact staff put in copy of a ticket signs it from the portal, as the ticket's own
customer does; a contact who only follows it cannot (one portal rule)."""

import json

from odoo.tests import tagged

from .common import TechnicianCase
from .test_signature import SIGNATURE


@tagged("post_install", "-at_install")
class TestSignatureInCopy(TechnicianCase):
    def _sign(self, ticket):
        response = self.url_open(
            f"/my/ticket/{ticket.id}/sign",
            data=json.dumps({"params": {"name": "Contact of Beta", "signature": SIGNATURE}}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()["result"]

    def test_contact_in_copy_signs_a_follower_cannot(self):
        copied = self._request(self.contact_a, name="Beta en copie", user_id=self.technician.id)
        copied.with_user(self.technician).cc_partner_ids = self.contact_b
        followed = self._request(self.contact_a, name="Suivi", user_id=self.technician.id)
        # A follower of another company, written directly (as one from before the copy
        # list): following opens nothing.
        self.env["mail.followers"].create(
            {"res_model": followed._name, "res_id": followed.id, "partner_id": self.contact_b.id}
        )
        for ticket in copied | followed:
            ticket.with_user(self.technician).action_request_signature()
        self.authenticate("beta", "betaxxxx")

        self.assertIn("error", self._sign(followed))
        self.assertFalse(followed.signature)

        result = self._sign(copied)
        self.assertTrue(result.get("force_refresh"), result)
        copied.invalidate_recordset()
        self.assertEqual(copied.signed_by, "Contact of Beta")
