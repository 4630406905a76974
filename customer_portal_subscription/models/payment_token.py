import base64
import binascii
import io

from PIL import Image, ImageDraw

from odoo import api, fields, models
from odoo.addons.base_iban.models.res_partner_bank import normalize_iban, validate_iban
from odoo.exceptions import UserError, ValidationError

# The SEPA rulebook's limit for the debtor's name.
SEPA_HOLDER_MAX = 70
SEPA_SIGNATURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class PaymentToken(models.Model):
    """A saved payment method. A SEPA direct-debit mandate signed on the portal is a token
    of the provider that takes mandates (``payment.provider.sepa_mandate_ok``), on the
    customer's company, holding what the mandate says: IBAN, holder, signature, date and
    its unique mandate reference (RUM)."""

    _inherit = "payment.token"

    sepa_mandate_ref = fields.Char(
        string="Mandate Reference (RUM)", readonly=True, copy=False, groups="base.group_user"
    )
    sepa_iban = fields.Char(string="IBAN", readonly=True, copy=False, groups="base.group_user")
    sepa_holder_name = fields.Char(
        string="Account Holder", readonly=True, copy=False, groups="base.group_user"
    )
    sepa_signature = fields.Image(
        string="Mandate Signature",
        max_width=1024,
        max_height=512,
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    sepa_signed_by = fields.Char(
        string="Signed By", readonly=True, copy=False, groups="base.group_user"
    )
    sepa_signed_on = fields.Datetime(
        string="Signed On", readonly=True, copy=False, groups="base.group_user"
    )

    _sql_constraints = [
        (
            "sepa_mandate_ref_unique",
            "UNIQUE(sepa_mandate_ref)",
            "A mandate reference (RUM) identifies one mandate only.",
        )
    ]

    def _build_display_name(self, *args, **kwargs):
        name = super()._build_display_name(*args, **kwargs)
        reference = self.sudo().sepa_mandate_ref
        return f"{name} · {reference}" if reference and name else name

    # ------------------------------------------------------------------
    # Which saved methods a payment offers
    # ------------------------------------------------------------------
    def _get_available_tokens(self, providers_ids, partner_id, is_validation=False, **kwargs):
        """A contact pays its company's invoices with its company's saved methods too
        (Odoo offers only the contact's own, while it accepts paying with a token of the
        same commercial partner)."""
        tokens = super()._get_available_tokens(
            providers_ids, partner_id, is_validation=is_validation, **kwargs
        )
        if is_validation or not partner_id:
            return tokens
        company = self.env["res.partner"].browse(partner_id).commercial_partner_id
        if company.id == partner_id:
            return tokens
        return tokens | self.search(
            [("provider_id", "in", providers_ids or []), ("partner_id", "=", company.id)]
        )

    # ------------------------------------------------------------------
    # SEPA direct-debit mandates
    # ------------------------------------------------------------------
    @api.model
    def _sepa_mandate_provider(self, company):
        """The provider that takes the SEPA mandates customers sign, or none."""
        return (
            self.env["payment.provider"]
            .sudo()
            .search(
                [
                    ("sepa_mandate_ok", "=", True),
                    ("state", "in", ("enabled", "test")),
                    ("company_id", "=", company.id),
                ],
                limit=1,
            )
        )

    @api.model
    def _sepa_single_line(self, value):
        """What a customer typed in a one-line field, as one line of printable text
        (PostgreSQL refuses NUL; control characters have no place in a name)."""
        if not isinstance(value, str):
            return ""
        return " ".join("".join(c if c.isprintable() else " " for c in value).split())

    @api.model
    def _sepa_check_details(self, iban, holder):
        """The IBAN (normalized) and holder of a mandate to sign, or a ValidationError
        saying what is wrong with them."""
        iban = normalize_iban(self._sepa_single_line(iban)).upper()
        holder = self._sepa_single_line(holder)
        if not iban:
            raise ValidationError(self.env._("Type the IBAN printed on your bank details (RIB)."))
        try:
            validate_iban(iban)
        except ValidationError as error:
            typed = iban if len(iban) <= 34 else iban[:34] + "…"
            raise ValidationError(
                self.env._(
                    "The IBAN %(iban)s is not correct: check it against your bank details "
                    "(RIB). An IBAN begins with its country code and two check digits: in "
                    "France, FR, two digits and 23 more characters (27 in all).",
                    iban=typed,
                )
            ) from error
        if not holder:
            raise ValidationError(self.env._("Type the name of the account holder."))
        if len(holder) > SEPA_HOLDER_MAX:
            raise ValidationError(
                self.env._(
                    "The account holder's name is at most %(max)s characters long.",
                    max=SEPA_HOLDER_MAX,
                )
            )
        return iban, holder

    @api.model
    def _sepa_create_mandate(self, partner, iban, holder, signer, signature):
        """``partner`` (a customer's contact) signs a SEPA mandate for its company:
        returns the new token; raises UserError / ValidationError with the reason."""
        iban, holder = self._sepa_check_details(iban, holder)
        signer = self._sepa_single_line(signer)
        if not signer:
            raise ValidationError(self.env._("Type your name to sign the mandate."))
        try:
            picture = base64.b64decode(signature or "", validate=True)
        except (binascii.Error, TypeError, ValueError):
            picture = b""
        if not picture.startswith(SEPA_SIGNATURE_MAGIC):
            raise ValidationError(self.env._("Draw, type or load your signature to sign."))
        company = partner.commercial_partner_id
        provider = self._sepa_mandate_provider(partner.company_id or self.env.company)
        if not provider:
            raise UserError(
                self.env._(
                    "Direct-debit mandates cannot be signed online at the moment: please "
                    "contact our accounting department."
                )
            )
        # One mandate per account of a company: the same form signed twice (a double
        # click, two tabs) gives the mandate already signed. The company's row is
        # updated, so that a concurrent signature waits, then fails to serialize and is
        # retried by Odoo, and finds the mandate this one made.
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = write_date WHERE id = %s", [company.id]
        )
        existing = self.sudo().search(
            [("partner_id", "=", company.id), ("sepa_iban", "=", iban)], limit=1
        )
        if existing:
            return existing
        method = self.env.ref("payment.payment_method_sepa_direct_debit")
        reference = self.env["ir.sequence"].sudo().next_by_code("customer_portal.sepa_mandate")
        values = {
            "provider_id": provider.id,
            "payment_method_id": method.id,
            "partner_id": company.id,
            "payment_details": f"{iban[:4]} {iban[-4:]}",
            "provider_ref": reference,
            "sepa_mandate_ref": reference,
            "sepa_iban": iban,
            "sepa_holder_name": holder,
            "sepa_signature": base64.b64encode(picture),
            "sepa_signed_by": signer[:SEPA_HOLDER_MAX],
            "sepa_signed_on": fields.Datetime.now(),
        }
        if provider.code == "demo" and "demo_simulated_state" in self._fields:
            # The demo provider completes the payments of its tokens in this state.
            values["demo_simulated_state"] = "done"
        return self.sudo().create(values)

    @api.model
    def _demo_sign_mandate(self, token_id, iban, holder, signer):
        """Demo data: the demo SEPA token is a mandate as the portal makes one (its RUM
        from the sequence, IBAN, holder, the signer's name drawn as its signature)."""
        small = Image.new("RGBA", (120, 30), (255, 255, 255, 0))
        ImageDraw.Draw(small).text((6, 10), signer, fill=(20, 20, 80, 255))
        picture = small.resize((360, 90), Image.NEAREST)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        reference = self.env["ir.sequence"].sudo().next_by_code("customer_portal.sepa_mandate")
        self.browse(token_id).write(
            {
                "provider_ref": reference,
                "sepa_mandate_ref": reference,
                "sepa_iban": iban,
                "payment_details": f"{iban[:4]} {iban[-4:]}",
                "sepa_holder_name": holder,
                "sepa_signature": base64.b64encode(buffer.getvalue()),
                "sepa_signed_by": signer,
                "sepa_signed_on": fields.Datetime.now(),
            }
        )

    @api.model
    def _demo_complete_payments(self, token_ids):
        """Demo data: payments with these tokens of the demo provider succeed."""
        if "demo_simulated_state" in self._fields:
            self.browse(token_ids).write({"demo_simulated_state": "done"})

    # ------------------------------------------------------------------
    # Labels
    # ------------------------------------------------------------------
    def _portal_label(self):
        """A saved payment method as customers recognise it: its kind and its masked
        number ("Carte •••• 4242", "Mandat SEPA •••• 1881"): a mandate, not Odoo's
        method name "SEPA Direct Debit" (Prélèvement SEPA)."""
        self.ensure_one()
        token = self.sudo()
        details = (token.payment_details or "").strip()
        masked = f"•••• {details[-4:]}" if details else ""
        kinds = {
            "card": self.env._("Card"),
            "sepa_direct_debit": self.env._("SEPA mandate"),
        }
        method = token.payment_method_id
        kind = kinds.get(method.code, method.name)
        return " ".join(filter(None, [kind, masked])) or token.display_name
