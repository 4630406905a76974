from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_supported_software = fields.Boolean(
        string="Supported Software",
        help="Customers who have this product (on a subscription or a confirmed order) get "
        "a card for it on the portal's technical assistance page, to report an incident "
        "or ask for a service about it.",
    )
    documentation_manual_url = fields.Char(string="User Manual")
    documentation_faq_url = fields.Char(string="FAQ")
    documentation_video_url = fields.Char(string="Video Tutorials")
