from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class SaleOrderLine(models.Model):
    """A service-credit pack is a confirmed order line of a service-credit product: its
    hours are the ordered quantity, its time left is sale_timesheet's ``remaining_hours``
    (ordered minus the timesheets charged to it)."""

    _inherit = "sale.order.line"

    # Time entries are closed to portal users (security/ir.model.access.csv): the lines
    # of an order do not list them either (a customer's read() of its lines keeps working).
    analytic_line_ids = fields.One2many(groups="base.group_user")
    timesheet_ids = fields.One2many(groups="base.group_user")

    is_service_credit = fields.Boolean(
        related="product_id.is_service_credit", store=True, string="Service Credit Pack"
    )
    service_credit_hours = fields.Float(
        string="Hours Bought",
        compute="_compute_service_credit_hours",
        store=True,
        help="The quantity ordered, in hours.",
    )
    service_credit_expiry_date = fields.Date(
        string="Expires On",
        compute="_compute_service_credit_expiry_date",
        store=True,
        help="Order date plus the product's validity; empty when the hours never expire.",
    )
    service_credit_order_date = fields.Datetime(
        related="order_id.date_order", store=True, string="Bought On"
    )
    service_credit_partner_id = fields.Many2one(
        "res.partner",
        related="order_id.partner_id.commercial_partner_id",
        store=True,
        string="Credit Customer",
        index=True,
    )

    @api.depends("is_service_credit", "product_uom_qty", "product_uom")
    def _compute_service_credit_hours(self):
        hour = self.env.ref("uom.product_uom_hour")
        for line in self:
            line.service_credit_hours = (
                line.product_uom._compute_quantity(line.product_uom_qty, hour, round=False)
                if line.is_service_credit and line.product_uom
                else 0.0
            )

    @api.depends(
        "is_service_credit", "order_id.date_order", "product_id.service_credit_validity_months"
    )
    def _compute_service_credit_expiry_date(self):
        for line in self:
            months = line.product_id.service_credit_validity_months
            if line.is_service_credit and months and line.order_id.date_order:
                line.service_credit_expiry_date = line.order_id.date_order.date() + relativedelta(
                    months=months
                )
            else:
                line.service_credit_expiry_date = False

    def _service_credit_is_expired(self, today=None):
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        return bool(self.service_credit_expiry_date) and self.service_credit_expiry_date < today

    def _service_credit_used_hours(self):
        self.ensure_one()
        return self.service_credit_hours - (self.remaining_hours or 0.0)
