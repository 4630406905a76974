from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    support_phone_4 = fields.Char(
        string="4-Star Support Phone",
        help="Direct support line shown on the portal to 4-star customers.",
    )
    support_hours_4 = fields.Char(
        string="4-Star Support Hours",
        translate=True,
        help="Opening hours of the support line for 4-star customers (standard hours).",
    )
    support_phone_5 = fields.Char(
        string="5-Star Support Phone",
        help="Direct support line shown on the portal to 5-star customers.",
    )
    support_hours_5 = fields.Char(
        string="5-Star Support Hours",
        translate=True,
        help="Opening hours of the support line for 5-star customers (extended hours).",
    )

    def _get_support_line(self, star_level):
        """Phone number and hours of the support line for a star level, or ``None``
        for levels without a phone line."""
        self.ensure_one()
        if star_level not in ("4", "5"):
            return None
        return {
            "phone": self[f"support_phone_{star_level}"],
            "hours": self[f"support_hours_{star_level}"],
        }
