from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.duration import format_hours


class AccountAnalyticLine(models.Model):
    """Time on tickets: billable time on a service request is charged to the customer's
    oldest pack that is still valid and has time left; time on incidents and
    administrative requests is never charged. Service time no pack covers is overage."""

    _inherit = "account.analytic.line"

    service_credit_partner_id = fields.Many2one(
        "res.partner",
        related="ticket_id.commercial_partner_id",
        store=True,
        string="Credit Customer",
    )
    service_credit_quote_id = fields.Many2one(
        "sale.order",
        string="Overage Quotation",
        copy=False,
        readonly=True,
        help="The quotation drafted for this overage time.",
    )
    is_billable = fields.Boolean(
        string="Billable Time",
        default=True,
        help="Billable time on a service request is charged to the customer's service "
        "credit (or is overage); time marked non-billable never is.",
    )
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
        "is_billable",
    )
    def _compute_so_line(self):
        return super()._compute_so_line()

    @api.depends("ticket_id.ticket_kind", "so_line.is_service_credit", "is_billable")
    def _compute_is_service_credit_overage(self):
        for line in self:
            line.is_service_credit_overage = (
                line.ticket_id.ticket_kind == "service"
                and line.is_billable
                and not line.so_line.is_service_credit
            )

    def _timesheet_get_portal_domain(self):
        """hr_timesheet's /my/timesheets (read with sudo) lists, descriptions included,
        every time entry of a portal-visible project the customer's company follows: on
        the support project, other companies' tickets too. Time on tickets reaches
        customers as the ticket page and /my/credit show it, never there."""
        domain = super()._timesheet_get_portal_domain()
        if self.env.user.share:
            domain = [*domain, ("ticket_id", "=", False)]
        return domain

    def _timesheet_determine_sale_line(self):
        if not self.ticket_id:
            return super()._timesheet_determine_sale_line()
        return self._service_credit_pack()

    def _service_credit_pack(self):
        """The pack this time is charged to: for a service request, the customer's oldest
        valid pack with time left; otherwise none."""
        self.ensure_one()
        ticket = self.ticket_id.sudo()
        if ticket.ticket_kind != "service" or not ticket.partner_id or not self.is_billable:
            return self.env["sale.order.line"]
        packs = ticket.partner_id._service_credit_packs()
        return packs.filtered(lambda pack: pack.remaining_hours > 0)[:1]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.context.get("service_credit_rebalancing"):
            lines._service_credit_changed()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if not self.env.context.get("service_credit_rebalancing"):
            self._service_credit_changed()
        return result

    def _service_credit_changed(self):
        lines = self.sudo().filtered("ticket_id")
        if lines:
            lines.with_context(service_credit_rebalancing=True)._service_credit_rebalance()
            lines.ticket_id.partner_id._service_credit_check_alert()

    def _service_credit_rebalance(self):
        """A pack never goes below zero: time charged past its hours moves, newest entry
        first, to the next pack with time left or to overage, splitting an entry when
        only part of it is beyond."""
        packs = self.so_line.filtered("is_service_credit")
        for _round in range(50):  # each round empties the excess of the packs found
            self.env.flush_all()
            packs.invalidate_recordset(["remaining_hours"])
            over = packs.filtered(lambda pack: pack.remaining_hours < -0.0001)
            if not over:
                return
            for pack in over:
                excess = -pack.remaining_hours
                charged = self.search([("so_line", "=", pack.id)], order="date desc, id desc")
                for line in charged:
                    if excess <= 0.0001:
                        break
                    moved = min(excess, line.unit_amount)
                    target = line
                    if line.unit_amount > moved + 0.0001:
                        line.unit_amount -= moved
                        target = line.copy({"unit_amount": moved, "so_line": False})
                    excess -= moved
                    # The pack is now full: the entry finds the next one, or none.
                    self.env.flush_all()
                    pack.invalidate_recordset(["remaining_hours"])
                    target.so_line = target._service_credit_pack().filtered(
                        lambda candidate, pack=pack: candidate != pack
                    )
                    packs |= target.so_line

    def action_quote_overage(self):
        """Draft a quotation per customer for its overage hours not quoted yet, with the
        overage product at the hourly price of the customer's latest pack (the product's
        own price when it bought none)."""
        lines = self.sudo().filtered(
            lambda line: line.is_service_credit_overage and not line.service_credit_quote_id
        )
        if not lines:
            raise UserError(self.env._("These lines have no overage left to quote."))
        product = self.env.ref("customer_portal_credit.product_service_credit_overage")
        hour = self.env.ref("uom.product_uom_hour")
        orders = self.env["sale.order"]
        for partner in lines.service_credit_partner_id:
            own = lines.filtered(
                lambda line, partner=partner: line.service_credit_partner_id == partner
            )
            hours = sum(own.mapped("unit_amount"))
            pack = partner._service_credit_packs(include_expired=True)[-1:]
            price = (
                pack.price_unit * pack.product_uom_qty / pack.service_credit_hours
                if pack and pack.service_credit_hours
                else product.list_price
            )
            order = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": self.env._(
                                    "Support time beyond the service credit: %(hours)s",
                                    hours=format_hours(hours),
                                ),
                                "product_uom_qty": hours,
                                "product_uom": hour.id,
                                "price_unit": price,
                            }
                        )
                    ],
                }
            )
            own.write({"service_credit_quote_id": order.id})
            orders |= order
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_quotations")
        action["domain"] = [("id", "in", orders.ids)]
        return action
