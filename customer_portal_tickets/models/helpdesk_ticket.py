from odoo import api, fields, models
from odoo.addons.customer_portal_subscription.models.product_template import STAR_LEVELS

TICKET_KINDS = [
    ("incident", "Incident"),
    ("service", "Service Request"),
    ("administrative", "Administrative Request"),
]
URGENCIES = [
    ("none", "None"),
    ("low", "Low"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    ticket_kind = fields.Selection(
        TICKET_KINDS,
        string="Kind",
        required=True,
        default="service",
        tracking=True,
        help="Incident: an unexpected interruption or disruption of the normal use of a "
        "product. Service request: a change, a configuration, an improvement, everyday "
        "help. Administrative request: a question to a department (orders, accounting, "
        "sales).",
    )
    urgency = fields.Selection(URGENCIES, tracking=True, help="Urgency the customer gave.")
    software_product_id = fields.Many2one(
        "product.product",
        string="Software",
        domain=[("is_supported_software", "=", True)],
        tracking=True,
    )
    department_id = fields.Many2one("customer.portal.department", tracking=True)
    solution = fields.Html(
        sanitize=True,
        help="The answer given to the customer, shown on the portal under the description. "
        "Internal notes never reach the customer.",
    )
    previous_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        help="The resolved ticket this one follows up on.",
    )
    sale_order_id = fields.Many2one("sale.order", string="Quotation / Order")
    invoice_id = fields.Many2one(
        "account.move",
        domain=[("move_type", "in", ("out_invoice", "out_refund"))],
    )
    subscription_id = fields.Many2one("sale.subscription")
    support_star_level = fields.Selection(
        STAR_LEVELS,
        string="Star Level at Creation",
        readonly=True,
        copy=False,
        help="The customer's support star level when the ticket was created.",
    )
    portal_state = fields.Selection(
        related="stage_id.portal_state",
        store=True,
        string="Portal State",
    )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"].sudo()
        for vals in vals_list:
            if vals.get("partner_id") and "support_star_level" not in vals:
                partner = Partner.browse(vals["partner_id"])
                vals["support_star_level"] = partner.commercial_partner_id.support_star_level
        return super().create(vals_list)
