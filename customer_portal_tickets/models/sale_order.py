from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "customer.portal.ticket.document.mixin"]
    _ticket_link_field = "sale_order_id"
