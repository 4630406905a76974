from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    """Time on tickets: billable time on a service request is charged to the customer's
    oldest pack that is still valid and has time left; time on incidents and
    administrative requests is never charged. Service time no pack covers is overage."""

    _inherit = "account.analytic.line"

    is_service_credit_overage = fields.Boolean(
        string="Overage",
        compute="_compute_is_service_credit_overage",
        store=True,
        help="Time on a service request that no service-credit pack covered: kept, to be "
        "invoiced or quoted separately.",
    )

    @api.depends(
        "task_id.sale_line_id",
        "project_id.sale_line_id",
        "employee_id",
        "project_id.allow_billable",
        "ticket_id.ticket_kind",
        "ticket_id.partner_id",
    )
    def _compute_so_line(self):
        return super()._compute_so_line()

    @api.depends("ticket_id.ticket_kind", "so_line.is_service_credit")
    def _compute_is_service_credit_overage(self):
        for line in self:
            line.is_service_credit_overage = (
                line.ticket_id.ticket_kind == "service" and not line.so_line.is_service_credit
            )

    def _timesheet_determine_sale_line(self):
        if not self.ticket_id:
            return super()._timesheet_determine_sale_line()
        return self._service_credit_pack()

    def _service_credit_pack(self):
        """The pack this time is charged to: for a service request, the customer's oldest
        valid pack with time left; otherwise none."""
        self.ensure_one()
        ticket = self.ticket_id.sudo()
        if ticket.ticket_kind != "service" or not ticket.partner_id:
            return self.env["sale.order.line"]
        packs = ticket.partner_id._service_credit_packs()
        return packs.filtered(lambda pack: pack.remaining_hours > 0)[:1]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._service_credit_changed()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self._service_credit_changed()
        return result

    def _service_credit_changed(self):
        partners = self.sudo().ticket_id.partner_id
        if partners:
            self.env.flush_all()
            partners._service_credit_check_alert()

    def action_quote_overage(self):
        """Draft a quotation per customer for the overage hours, at the hourly price of
        its latest pack."""
        lines = self.filtered("is_service_credit_overage").sudo()
        orders = self.env["sale.order"]
        for partner in lines.ticket_id.partner_id.commercial_partner_id:
            hours = sum(
                lines.filtered(
                    lambda line, partner=partner: line.ticket_id.partner_id.commercial_partner_id
                    == partner
                ).mapped("unit_amount")
            )
            pack = partner._service_credit_packs(include_expired=True)[-1:]
            if not pack:
                continue
            hourly = pack.price_unit / (pack.service_credit_hours / pack.product_uom_qty or 1)
            orders |= self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": pack.product_id.id,
                                "name": self.env._(
                                    "Support time beyond the service credit: %(hours)s h",
                                    hours=round(hours, 2),
                                ),
                                "product_uom_qty": hours,
                                "product_uom": self.env.ref("uom.product_uom_hour").id,
                                "price_unit": hourly,
                            }
                        )
                    ],
                }
            )
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_quotations")
        action["domain"] = [("id", "in", orders.ids)]
        return action
