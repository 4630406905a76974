from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_service_credit = fields.Boolean(
        string="Service Credit",
        help="A pack of prepaid support time: confirming an order grants its hours to the "
        "customer, and time spent on the customer's service requests consumes them.",
    )
    service_credit_validity_months = fields.Integer(
        string="Validity (months)",
        help="Months after the order date during which the hours can be used (0: no end).",
    )

    @api.constrains("is_service_credit", "type", "service_policy", "uom_id")
    def _check_service_credit(self):
        hours = self.env.ref("uom.product_uom_hour")
        for product in self.filtered("is_service_credit"):
            if (
                product.type != "service"
                or product.service_policy != "ordered_prepaid"
                or product.uom_id.category_id != hours.category_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(product)s: a service credit is a service sold as prepaid time "
                        "(invoiced on order, in a time unit).",
                        product=product.display_name,
                    )
                )
