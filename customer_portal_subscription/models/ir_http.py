from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's chatter is mail's JavaScript ("The conversation is empty.",
        "Today at …"): without mail's translations customers read it in English."""
        return super()._get_translation_frontend_modules_name() + ["mail"]
