from odoo import api, fields, models


class PortalTicketDocumentMixin(models.AbstractModel):
    """Tickets customers opened about a quote/order, an invoice or a subscription, shown
    to staff on the document (smart button)."""

    _name = "customer.portal.ticket.document.mixin"
    _description = "Document with portal tickets"
    # Name of the helpdesk.ticket field that points at the document.
    _ticket_link_field = None

    portal_ticket_count = fields.Integer(
        string="Tickets", compute="_compute_portal_ticket_count", compute_sudo=True
    )

    @api.depends_context("uid")
    def _compute_portal_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [(self._ticket_link_field, "in", self.ids)],
                [self._ticket_link_field],
                ["__count"],
            )
        )
        for record in self:
            record.portal_ticket_count = counts.get(record, 0)

    def action_view_portal_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action.update(
            {
                "domain": [(self._ticket_link_field, "=", self.id)],
                "context": {"default_" + self._ticket_link_field: self.id},
            }
        )
        return action
