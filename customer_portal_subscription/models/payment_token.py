from odoo import models


class PaymentToken(models.Model):
    _inherit = "payment.token"

    def _portal_label(self):
        """A saved payment method as customers recognise it: its kind and its masked
        number ("Carte •••• 4242", "Mandat SEPA •••• 1881"). Odoo's payment method
        names are not translated: the common kinds are named here."""
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
