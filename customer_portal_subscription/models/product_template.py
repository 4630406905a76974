from odoo import fields, models

STAR_LEVELS = [
    ("3", "3 stars"),
    ("4", "4 stars"),
    ("5", "5 stars"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    support_star_level = fields.Selection(
        STAR_LEVELS,
        help="Support level given to the customers who have this product on a "
        "subscription in progress: 3 stars (portal tickets), 4 stars (portal and "
        "direct phone line), 5 stars (portal and phone line with extended hours).",
    )
