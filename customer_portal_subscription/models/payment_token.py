from odoo import models


class PaymentToken(models.Model):
    _inherit = "payment.token"

    def _portal_label(self):
        """A saved payment method as customers recognise it: its kind and its masked
        number ("Card •••• 4242", "SEPA Direct Debit •••• 1881")."""
        self.ensure_one()
        token = self.sudo()
        details = (token.payment_details or "").strip()
        masked = f"•••• {details[-4:]}" if details else ""
        return " ".join(filter(None, [token.payment_method_id.name, masked])) or token.display_name
