"""/my/account ("Mes coordonnées"): the fields the form requires are marked on the
page, a field left empty is named in the error and what was typed stays in the form."""

import re

from odoo.addons.customer_portal_subscription.tests.common import SubscriptionCaseMixin
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAccountDetails(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.company_a, cls.contact_a, cls.user_a = cls._customer("Alpha Transports", "alpha")
        cls.country = cls.env.ref("base.fr")
        # A contact without a phone, as the demo's were.
        cls.contact_a.write({"country_id": cls.country.id, "phone": False})

    def _marked(self, html):
        """The fields whose label carries the required mark."""
        return set(
            re.findall(
                r'<label[^>]*for="(\w+)"[^>]*>(?:(?!</label>).)*?aria-hidden="true">\*<', html, re.S
            )
        )

    def _form(self, **values):
        """The details form as the page sends it, with ``values`` changed."""
        return {
            "csrf_token": self._page_csrf("/my/account"),
            "name": "Contact of Alpha Transports",
            "email": "alpha@x.example",
            "phone": "+33 4 91 00 00 00",
            "street": "12 quai du Port",
            "city": "Marseille",
            "country_id": str(self.country.id),
            **values,
        }

    def test_every_required_field_is_marked(self):
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/account").text
        self.assertIn("o_required_legend", html)
        self.assertEqual(
            self._marked(html), {"name", "email", "phone", "street", "city", "country_id"}
        )
        for name in ("name", "email", "phone", "street", "city"):
            self.assertRegex(html, rf'<input[^>]*name="{name}"[^>]*aria-required="true"')
            self.assertRegex(html, rf'<input[^>]*id="{name}"')
        self.assertNotRegex(html, r'<input[^>]*name="street2"[^>]*aria-required')

    def test_an_empty_required_field_is_named_and_the_form_kept(self):
        self.contact_a.write({"lang": "fr_FR"})
        self.authenticate("alpha", "alpha")
        data = self._form(phone="", city="")
        response = self.url_open("/my/account", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("À remplir\u00a0: Téléphone, Ville.", response.text)
        self.assertIn('value="12 quai du Port"', response.text, "what was typed is kept")
        self.contact_a.invalidate_recordset()
        self.assertFalse(self.contact_a.street)
        # With its phone, the same form is saved.
        data.update(phone="+33 4 91 00 00 00", city="Marseille")
        response = self.url_open("/my/account", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 303, response.text[-2000:])
        self.contact_a.invalidate_recordset()
        self.assertEqual(self.contact_a.street, "12 quai du Port")

    def test_a_forged_field_is_refused_in_the_customers_words(self):
        self.contact_a.write({"lang": "fr_FR", "phone": "+33 4 91 00 00 00"})
        self.authenticate("alpha", "alpha")
        data = self._form(parent_id="1", support_star_level="5")
        response = self.url_open("/my/account", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Le formulaire a envoyé des champs", response.text)
        self.assertNotIn("Unknown field", response.text)
        self.assertIn('value="12 quai du Port"', response.text, "what was typed is kept")
        self.contact_a.invalidate_recordset()
        self.assertNotEqual(self.contact_a.street, "12 quai du Port", "nothing saved")
