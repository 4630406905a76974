from odoo import fields, models
from odoo.http import DEFAULT_MAX_CONTENT_LENGTH

from ..tools.file_policy import DEFAULT_ALLOWED_EXTENSIONS, MEGABYTE, parse_extensions


class ResCompany(models.Model):
    _inherit = "res.company"

    portal_ticket_max_file_size = fields.Integer(
        string="Maximum File Size (MB)",
        default=10,
        help="Largest file a customer may attach to a ticket, from the portal or by e-mail.",
    )
    portal_ticket_max_files = fields.Integer(
        string="Maximum Files per Message",
        default=10,
        help="Most files a customer may attach at once from the portal.",
    )
    portal_ticket_allowed_extensions = fields.Char(
        string="Allowed File Types",
        default=DEFAULT_ALLOWED_EXTENSIONS,
        help="Comma-separated extensions customers may attach. The content of each file "
        "is checked too: an executable renamed to .pdf is refused.",
    )
    portal_ticket_hourly_limit = fields.Integer(
        string="New Tickets per Hour",
        default=20,
        help="Most tickets one customer contact may open in an hour, from the portal or by "
        "e-mail (0: no limit).",
    )
    portal_ticket_unknown_senders = fields.Selection(
        [("open", "Open a ticket"), ("refuse", "Answer how to reach us instead")],
        string="E-mails from Unknown Senders",
        default="open",
        required=True,
        help="What an e-mail to a helpdesk alias from an address that belongs to no contact "
        "does: open a ticket, or get an automatic answer saying how to reach the support.",
    )

    portal_ticket_reopen_days = fields.Integer(
        string="Reopen Window (days)",
        default=0,
        help="Days after a ticket is resolved during which the customer may reopen it "
        "from the portal. 0: never; the customer creates a follow-up ticket instead.",
    )
    portal_ticket_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Technical Support Team",
        default=lambda self: self.env.ref(
            "customer_portal_tickets.team_technical", raise_if_not_found=False
        ),
        help="Team that receives the incidents and service requests of the portal.",
    )

    _sql_constraints = [
        (
            "portal_ticket_file_limits_positive",
            "CHECK(portal_ticket_max_file_size > 0 AND portal_ticket_max_files > 0)",
            "The maximum file size and number of files must be positive.",
        ),
    ]

    def _portal_ticket_file_limits(self):
        """What customers may attach, with the sentence the forms show and the messages
        the browser shows before sending an oversized file."""
        self.ensure_one()
        extensions = self._portal_ticket_extensions()
        return {
            "max_size_mb": self.portal_ticket_max_file_size,
            "max_bytes": self.portal_ticket_max_file_size * MEGABYTE,
            "max_files": self.portal_ticket_max_files,
            "extensions": extensions,
            "hint": self.env._(
                "Screenshots or documents: up to %(count)s files of %(size)s MB each "
                "(%(types)s).",
                count=self.portal_ticket_max_files,
                size=self.portal_ticket_max_file_size,
                types=", ".join(extensions),
            ),
            # {name} is filled in by the browser.
            "size_message": self.env._(
                "%(name)s is larger than %(size)s MB.",
                name="{name}",
                size=self.portal_ticket_max_file_size,
            ),
            "count_message": self.env._(
                "%(name)s: at most %(count)s files can be attached.",
                name="{name}",
                count=self.portal_ticket_max_files,
            ),
        }

    def _portal_ticket_extensions(self):
        return parse_extensions(self.portal_ticket_allowed_extensions)

    def _portal_ticket_body_limit(self):
        """The largest request body a form with files may send: Odoo's default, or every
        file at its maximum plus room for the text when that is more. Files past their
        size are cut while the body is read (``CappedSpool``), so a larger file costs
        nothing and still gets its message."""
        self.ensure_one()
        files = (self.portal_ticket_max_files * self.portal_ticket_max_file_size + 16) * MEGABYTE
        return max(DEFAULT_MAX_CONTENT_LENGTH, files)
