from odoo import models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "customer.portal.ticket.document.mixin"]
    _ticket_link_field = "invoice_id"
