from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    portal_ticket_approved_only = fields.Boolean(
        string="Only Approved Contacts Open Tickets",
        help="When set on a customer company, only its contacts marked as approved may open "
        "tickets on the portal; the others see whom to ask instead of a form.",
    )
    portal_ticket_approved = fields.Boolean(
        string="Approved to Open Tickets",
        help="This contact may open tickets on the portal when its company restricts it.",
    )

    def _portal_ticket_approvers(self):
        """The approved contacts of this partner's company, or an empty recordset."""
        self.ensure_one()
        company = self.commercial_partner_id
        return (company | company.child_ids).filtered("portal_ticket_approved")

    def _portal_ticket_may_open(self):
        """Whether this contact may open tickets on the portal."""
        self.ensure_one()
        company = self.commercial_partner_id
        return not company.portal_ticket_approved_only or self.portal_ticket_approved
