from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import ValidationError
from odoo.http import request


class AccountPortal(CustomerPortal):
    def details_form_validate(self, data, partner_creation=False):
        """/my/account: an address another contact uses is refused with the form sent
        back as typed (res.partner refuses it too, for the other doors)."""
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
        return error, error_message
