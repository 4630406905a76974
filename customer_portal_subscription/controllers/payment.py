from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

# The signature pad sends its canvas as a PNG (base64): far less than this.
SIGNATURE_REQUEST_MAX = 5 * 1024 * 1024
DRAFT_KEY = "customer_portal_sepa_mandate"
# The reference of the mandate the session signed last (a repeated signature finds it).
SIGNED_KEY = "customer_portal_sepa_mandate_signed"


class SepaMandatePortal(CustomerPortal):
    """A customer signs a SEPA direct-debit mandate from *Payment methods*: its IBAN and
    the holder first (checked), then its signature. The rules are payment.token's."""

    def _sepa_values(self, **values):
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "sepa_mandate",
            "creditor": request.env.company,
            "provider": request.env["payment.token"]._sepa_mandate_provider(request.env.company),
            **values,
        }

    @http.route(
        "/my/payment_method/sepa",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        csrf=False,  # checked below, to answer with a message instead of a bare error
    )
    def portal_sepa_mandate(self, iban="", holder="", **post):
        partner = request.env.user.partner_id
        Token = request.env["payment.token"]
        # Shown again as typed (one line of printable text) when refused.
        iban = Token._sepa_single_line(iban)[:64]
        holder = Token._sepa_single_line(holder)[:200]
        values = self._sepa_values(iban=iban, holder=holder or partner.commercial_partner_id.name)
        if request.httprequest.method != "POST":
            return request.render("customer_portal_subscription.portal_sepa_mandate", values)
        if not request.validate_csrf(post.get("csrf_token")):
            values["error_message"] = request.env._(
                "Your session has expired or the form did not come from this page. "
                "Nothing was saved: send the form again."
            )
            return request.render("customer_portal_subscription.portal_sepa_mandate", values)
        try:
            iban, holder = Token._sepa_check_details(iban, holder)
        except ValidationError as error:
            values.update(error_message=str(error), holder=holder)
            return request.render("customer_portal_subscription.portal_sepa_mandate", values)
        # Kept in the session until signed: nothing is stored before the signature.
        request.session[DRAFT_KEY] = {"iban": iban, "holder": holder}
        request.session.pop(SIGNED_KEY, None)
        values.update(iban=iban, holder=holder, masked_iban=f"{iban[:4]} •••• {iban[-4:]}")
        return request.render("customer_portal_subscription.portal_sepa_mandate_sign", values)

    @http.route(
        "/my/payment_method/sepa/sign",
        type="json",
        auth="user",
        website=True,
        max_content_length=SIGNATURE_REQUEST_MAX,
        too_large_answer="result",  # {"error": message}, as the signing widget reads it
    )
    def portal_sepa_mandate_sign(self, name=None, signature=None, **kw):
        draft = request.session.get(DRAFT_KEY)
        signed = request.session.get(SIGNED_KEY)
        if not isinstance(draft, dict) and isinstance(signed, str):
            # The same signature sent again (a double click) once the first was saved.
            return {
                "force_refresh": True,
                "redirect_url": f"/my/payment_method?sepa_mandate={signed}",
            }
        if not isinstance(draft, dict):
            return {
                "error": request.env._(
                    "This mandate form has expired: enter your IBAN again from Payment methods."
                )
            }
        try:
            token = request.env["payment.token"]._sepa_create_mandate(
                request.env.user.partner_id,
                draft.get("iban"),
                draft.get("holder"),
                name,
                signature,
            )
        except (UserError, ValidationError) as error:
            return {"error": str(error)}
        request.session.pop(DRAFT_KEY, None)
        request.session[SIGNED_KEY] = token.sudo().sepa_mandate_ref
        return {
            "force_refresh": True,
            "redirect_url": f"/my/payment_method?sepa_mandate={token.sudo().sepa_mandate_ref}",
        }
