from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import ValidationError
from odoo.http import request


class AccountPortal(CustomerPortal):
    @http.route()
    def account(self, redirect=None, **post):
        """/my/account: the form marks the fields it requires (portal's are the
        controller's _get_mandatory_fields: name, e-mail, phone, street, city, country)."""
        response = super().account(redirect=redirect, **post)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext["mandatory_fields"] = self._get_mandatory_fields()
        return response

    def details_form_validate(self, data, partner_creation=False):
        """/my/account: an address another contact uses is refused with the form sent
        back as typed (res.partner refuses it too, for the other doors); the fields left
        empty are named."""
        error, error_message = super().details_form_validate(
            data, partner_creation=partner_creation
        )
        email = data.get("email")
        partner = request.env.user.partner_id
        if email and "email" not in error and request.env.user.share:
            try:
                partner._check_email_not_taken(email)
            except ValidationError as refused:
                error["email"] = "error"
                error_message.append(refused.args[0])
        # Odoo names fields the form does not have (error "common": "Unknown field"),
        # in English, unknown to a customer: only a forged post sends them.
        if error.get("common") == "Unknown field":
            error_message = [
                m for m in error_message if not (isinstance(m, str) and m.startswith("Unknown"))
            ]
            error_message.append(
                request.env._("The form sent fields it does not have: nothing was saved.")
            )
        labels = self._details_field_labels()
        missing = [
            labels.get(name, name)
            for name in self._get_mandatory_fields()
            if error.get(name) == "missing"
        ]
        if missing:
            error_message.append(
                request.env._("To fill in: %(fields)s.", fields=", ".join(missing))
            )
        return error, error_message

    def _details_field_labels(self):
        """The labels of /my/account's fields, as the form prints them."""
        return {
            "name": request.env._("Name"),
            "email": request.env._("Email"),
            "phone": request.env._("Phone"),
            "street": request.env._("Street"),
            "street2": request.env._("Street 2"),
            "city": request.env._("City"),
            "zipcode": request.env._("Zip / Postal Code"),
            "state_id": request.env._("State / Province"),
            "country_id": request.env._("Country"),
            "vat": request.env._("VAT Number"),
            "company_name": request.env._("Company Name"),
        }
