import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.remote_ids import TOOLS, connect_url, is_tool_link

_logger = logging.getLogger(__name__)

STATES = [
    ("requested", "Requested"),
    ("connected", "Connected"),
    ("ended", "Ended"),
    ("expired", "Expired"),
]
# Every helpdesk user (own tickets, team tickets, all tickets) is support staff.
SUPPORT = "helpdesk_mgmt.group_helpdesk_user_own"


class CustomerPortalRemoteSession(models.Model):
    """A remote-maintenance session a customer handed over on a ticket: the tool and the
    session ID, with the customer's consent. Never a password: the customer reads it out
    on the phone. The ID is erased when the session ends or expires."""

    _name = "customer.portal.remote.session"
    _description = "Remote Maintenance Session"
    _order = "create_date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, readonly=True
    )
    ticket_number = fields.Char(related="ticket_id.number", string="Ticket Number")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    tool = fields.Selection(TOOLS, required=True, readonly=True)
    session_code = fields.Char(
        string="Session ID",
        groups=SUPPORT,
        copy=False,
        readonly=True,
        help="The ID the customer's tool shows. Erased when the session ends or expires.",
    )
    consent_partner_id = fields.Many2one(
        "res.partner", string="Consent Given By", readonly=True, ondelete="restrict"
    )
    consent_date = fields.Datetime(string="Consent Given On", readonly=True)
    consent_ip = fields.Char(string="Consent Given From", groups=SUPPORT, readonly=True)
    state = fields.Selection(STATES, default="requested", required=True, readonly=True)
    expiry_date = fields.Datetime(string="Expires On", readonly=True)
    connected_user_id = fields.Many2one("res.users", string="Technician", readonly=True)
    connected_date = fields.Datetime(string="Connected On", readonly=True)
    ended_date = fields.Datetime(string="Ended On", readonly=True)
    connect_url = fields.Char(compute="_compute_connect_url", groups=SUPPORT)

    @api.depends("tool", "session_code", "company_id")
    def _compute_connect_url(self):
        for session in self:
            company = session.company_id or self.env.company
            pattern = company[f"remote_{session.tool}_connect_pattern"] if session.tool else ""
            session.connect_url = (
                connect_url(pattern, session.session_code) if session.session_code else False
            )

    @api.depends("tool", "ticket_id.number")
    def _compute_display_name(self):
        tools = dict(TOOLS)
        for session in self:
            session.display_name = f"{tools.get(session.tool, '')} · {session.ticket_id.number}"

    def _is_open(self):
        self.ensure_one()
        return (
            self.state in ("requested", "connected")
            and bool(self.sudo().session_code)
            and (not self.expiry_date or self.expiry_date > fields.Datetime.now())
        )

    def action_connect(self):
        """Hand the session's link to the technician's browser, which opens the tool
        (``anydesk:…``, ``teamviewer10://…``). Nothing is recorded yet: the server
        cannot see whether the tool opened; the technician confirms it
        (:meth:`action_confirm_connected`)."""
        self.ensure_one()
        self._check_connectable()
        url = self.connect_url
        if not is_tool_link(url):
            raise UserError(
                self.env._(
                    "The %(tool)s connection link in the settings is not a link to the "
                    "tool: set one such as anydesk:{id}.",
                    tool=self._tool_name(),
                )
            )
        # Not an act_url: the web client prefixes "/" to a link that starts neither
        # with http nor with "/", and the browser would load /anydesk:… from Odoo.
        return {
            "type": "ir.actions.client",
            "tag": "customer_portal_remote_connect",
            "params": {
                "session_id": self.id,
                "url": url,
                "tool": self._tool_name(),
                "session_code": self.session_code,
            },
        }

    def action_confirm_connected(self):
        """The technician says the tool opened the session: the session is connected,
        the ticket says so (never the ID) and the technician's timer starts."""
        self.ensure_one()
        self._check_connectable()
        if self.state == "connected" and self.connected_user_id == self.env.user:
            return True  # confirmed twice: one note, one timer
        self.write(
            {
                "state": "connected",
                "connected_user_id": self.env.user.id,
                "connected_date": fields.Datetime.now(),
            }
        )
        self._post_staff_note(
            self.env._(
                "%(user)s connected to the customer's computer with %(tool)s.",
                user=self.env.user.name,
                tool=self._tool_name(),
            )
        )
        self.ticket_id._remote_session_started(self._tool_name())
        return True

    def _check_connectable(self):
        """Support staff may connect to a session that is still open."""
        self.check_access("write")
        if not self._is_open():
            raise UserError(
                self.env._("This session has ended or expired: ask the customer for a new ID.")
            )

    def action_end(self):
        """Close the session: its ID is erased."""
        self.check_access("write")
        for session in self.filtered(lambda s: s.state in ("requested", "connected")):
            session.sudo().write(
                {"state": "ended", "ended_date": fields.Datetime.now(), "session_code": False}
            )
            session._post_staff_note(
                self.env._(
                    "%(user)s ended the remote session (%(tool)s).",
                    user=self.env.user.name,
                    tool=session._tool_name(),
                )
            )
        return True

    def _tool_name(self):
        self.ensure_one()
        return dict(TOOLS)[self.tool]

    def _post_staff_note(self, body):
        """A note on the ticket for the technicians (never the session ID)."""
        self.ensure_one()
        self.ticket_id.message_post(body=body, subtype_xmlid="mail.mt_note")

    @api.model
    def _cron_expire_sessions(self):
        """Scheduled: erase the IDs of sessions past their expiry; a session never
        connected to becomes expired."""
        now = fields.Datetime.now()
        stale = self.sudo().search(
            [
                ("expiry_date", "<", now),
                "|",
                ("session_code", "!=", False),
                ("state", "in", ("requested", "connected")),
            ]
        )
        stale._close("expired")
        _logger.info("Remote sessions: %s closed after expiry, their IDs erased", len(stale))

    def _close(self, state):
        """End open sessions (``state``: the state a never-connected one takes) and erase
        every ID."""
        now = fields.Datetime.now()
        sessions = self.sudo()
        sessions.filtered(lambda s: s.state == "requested").write({"state": state})
        sessions.filtered(lambda s: s.state == "connected").write(
            {"state": "ended", "ended_date": now}
        )
        sessions.write({"session_code": False})
