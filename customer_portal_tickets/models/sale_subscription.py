from odoo import models


class SaleSubscription(models.Model):
    _name = "sale.subscription"
    _inherit = ["sale.subscription", "customer.portal.ticket.document.mixin"]
    _ticket_link_field = "subscription_id"
