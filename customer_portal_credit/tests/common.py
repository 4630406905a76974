"""A support project and team that log time on tickets, a technician, a 10-hour pack
product and two customers (alpha, beta), built once per class."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.addons.customer_portal_tickets.tests.common import TicketCase
from odoo.tests import new_test_user


class CreditCase(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["project.project"].create(
            {"name": "Support test", "allow_timesheets": True, "allow_billable": True}
        )
        cls.team.write(
            {
                "allow_timesheet": True,
                "show_timesheet_portal": True,
                "default_project_id": cls.project.id,
            }
        )
        cls.technician = new_test_user(
            cls.env,
            login="tech",
            name="Karim Technicien",
            groups="helpdesk_mgmt.group_helpdesk_user,hr_timesheet.group_hr_timesheet_user",
        )
        cls.env["hr.employee"].create({"name": "Karim Technicien", "user_id": cls.technician.id})
        cls.pack_product = cls.env["product.product"].create(
            {
                "name": "Pack 10 h",
                "type": "service",
                "service_policy": "ordered_prepaid",
                "uom_id": cls.env.ref("uom.product_uom_hour").id,
                "uom_po_id": cls.env.ref("uom.product_uom_hour").id,
                "list_price": 65.0,
                "is_service_credit": True,
                "service_credit_validity_months": 12,
            }
        )
        cls.env.company.portal_ticket_hourly_limit = 0

    @classmethod
    def _pack(cls, partner, hours=10, months_ago=0, confirm=True):
        """A confirmed order of ``hours`` of credit for ``partner``'s company, dated
        ``months_ago``."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.commercial_partner_id.id,
                "order_line": [
                    Command.create({"product_id": cls.pack_product.id, "product_uom_qty": hours})
                ],
            }
        )
        if confirm:
            order.action_confirm()
            order.date_order = fields.Datetime.now() - relativedelta(months=months_ago)
        return order.order_line

    @classmethod
    def _request(cls, partner, kind="service", name="Demande", **values):
        return cls._ticket(partner, name, ticket_kind=kind, **values)

    def _log(self, ticket, hours, user=None):
        """Time a technician logs on ``ticket``."""
        return (
            self.env["account.analytic.line"]
            .with_user(user or self.technician)
            .create(
                {
                    "name": "Travail",
                    "ticket_id": ticket.id,
                    "project_id": ticket.project_id.id,
                    "unit_amount": hours,
                }
            )
        )

    @staticmethod
    def _balance(partner):
        partner.env.flush_all()
        partner.env.invalidate_all()
        return partner.commercial_partner_id._service_credit_balance()
