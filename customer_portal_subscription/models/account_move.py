from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _portal_due_label(self):
        """What the portal's invoice list says about the due date of an invoice still to
        pay: "Due in 5 days", "Due today", "15 days overdue"; empty otherwise."""
        self.ensure_one()
        if (
            self.state != "posted"
            or self.move_type not in ("out_invoice", "out_receipt")
            or self.payment_state not in ("not_paid", "partial")
            or not self.invoice_date_due
        ):
            return ""
        days = (self.invoice_date_due - fields.Date.context_today(self)).days
        if days > 0:
            return (
                self.env._("Due in %(days)s days", days=days)
                if days > 1
                else self.env._("Due tomorrow")
            )
        if days == 0:
            return self.env._("Due today")
        return (
            self.env._("%(days)s days overdue", days=-days)
            if days < -1
            else self.env._("1 day overdue")
        )
