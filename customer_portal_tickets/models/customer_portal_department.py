from odoo import api, fields, models


class CustomerPortalDepartment(models.Model):
    """A department customers can address an administrative request to from the
    portal; each one sends its requests to a helpdesk team."""

    _name = "customer.portal.department"
    _description = "Administrative Request Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Helpdesk Team",
        required=True,
        ondelete="restrict",
        help="Team that receives the requests addressed to this department.",
    )
    description = fields.Char(
        translate=True, help="One line shown to the customer under the department's name."
    )
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    for_orders = fields.Boolean(
        string="Quotes and Orders", help="Preselected for requests about a quote or an order."
    )
    for_invoices = fields.Boolean(
        string="Invoices", help="Preselected for requests about an invoice."
    )
    for_subscriptions = fields.Boolean(
        string="Subscriptions", help="Preselected for requests about a subscription."
    )

    def _people_to_notify(self):
        """Who an administrative request to this department reaches: its team's
        members, or else the team's leader, or else the helpdesk managers of the
        team's company: a request never reaches nobody."""
        self.ensure_one()
        team = self.sudo().team_id

        def people(users):
            return users.filtered(lambda user: user.active and not user.share)

        members = people(team.user_ids) or people(team.user_id)
        if members:
            return members
        managers = self.env.ref("helpdesk_mgmt.group_helpdesk_manager").sudo().users
        return people(managers).filtered(
            lambda user: not team.company_id or team.company_id in user.company_ids
        )

    @api.model
    def _portal_available(self, company):
        """The departments a customer of ``company`` may write to: active ones whose
        team belongs to that company (or to none)."""
        return self.sudo().search([("company_id", "in", [company.id, False])])
