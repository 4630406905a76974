from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_tickets.tools.locked_count import count_under_lock
from odoo.addons.customer_portal_tickets.tools.text import clean_text
from odoo.exceptions import UserError

from ..tools.remote_ids import TOOLS, normalize_session_code


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    remote_session_ids = fields.One2many(
        "customer.portal.remote.session", "ticket_id", string="Remote Sessions"
    )
    remote_session_count = fields.Integer(compute="_compute_remote_session_count")

    @api.depends("remote_session_ids")
    def _compute_remote_session_count(self):
        for ticket in self:
            ticket.remote_session_count = len(ticket.remote_session_ids)

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            # A resolved ticket keeps no open session, nor its ID.
            resolved = self.filtered(lambda ticket: ticket.stage_id.closed)
            resolved.sudo().remote_session_ids.filtered(
                lambda s: s.state in ("requested", "connected")
            )._close("expired")
        return result

    def _remote_pending_session(self):
        """The session handed over on this ticket that is still open, if any."""
        self.ensure_one()
        return self.sudo().remote_session_ids.filtered(
            lambda s: s.state in ("requested", "connected")
        )[:1]

    def _remote_request_errors(self, tool, code, consent):
        """What is wrong with a hand-over, as a translated message per field."""
        self.ensure_one()
        errors = {}
        tools = {t["key"]: t["name"] for t in self.company_id._remote_tools()}
        if tool not in tools:
            errors["tool"] = self.env._("Choose the tool your technician asked for.")
        elif not normalize_session_code(tool, code):
            if tool == "anydesk":
                errors["code"] = self.env._(
                    "An AnyDesk ID is 9 or 10 digits (spaces allowed), or an alias such as "
                    "name@ad."
                )
            else:
                errors["code"] = self.env._("A TeamViewer ID is 9 or 10 digits (spaces allowed).")
        if not consent:
            errors["consent"] = self.env._(
                "Tick the box to allow the technician to take control of your computer."
            )
        return errors

    def _request_remote_session(self, tool, code, consent, partner, ip_address=None):
        """Hand a remote session over to the technicians: ``partner`` consents to the
        technician taking control with ``tool`` on the session ``code``. Replaces the
        ticket's pending session. Raises when a rule refuses it."""
        self.ensure_one()
        code = clean_text(code)
        if self._is_locked_for_customers():
            raise UserError(
                self.env._(
                    "Ticket %(number)s is resolved: no remote session can be started on it.",
                    number=self.number,
                )
            )
        errors = self._remote_request_errors(tool, code, consent)
        if errors:
            raise UserError("\n".join(errors.values()))
        limit = self.company_id.remote_session_hourly_limit
        since = fields.Datetime.now() - timedelta(hours=1)
        self.env["customer.portal.remote.session"].flush_model(["ticket_id"])
        recent = count_under_lock(
            self.env,
            f"customer.portal.remote.session/{self.id}",
            "SELECT id FROM customer_portal_remote_session WHERE ticket_id = %s "
            "AND create_date >= %s",
            [self.id, since],
        )
        if limit > 0 and recent >= limit:
            raise UserError(
                self.env._(
                    "%(count)s remote sessions were already handed over on this ticket in "
                    "the last hour. Please call your technician.",
                    count=recent,
                )
            )
        Session = self.env["customer.portal.remote.session"].sudo()
        self._remote_pending_session()._close("expired")
        now = fields.Datetime.now()
        session = Session.create(
            {
                "ticket_id": self.id,
                "tool": tool,
                "session_code": normalize_session_code(tool, code),
                "consent_partner_id": partner.id,
                "consent_date": now,
                "consent_ip": ip_address,
                "expiry_date": now
                + timedelta(hours=max(self.company_id.remote_session_lifetime, 1)),
            }
        )
        # For the technicians only, and without the ID: notes are not sent to customers,
        # and no e-mail carries it.
        self.sudo().message_post(
            body=self.env._(
                "%(name)s handed over a remote session with %(tool)s and allowed the "
                "technician to take control. The session ID is in the Remote sessions tab.",
                name=partner.name,
                tool=dict(TOOLS)[tool],
            ),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        return session

    def _remote_session_started(self, tool_name):
        """A technician connected: start the technician's timer on the ticket when time
        is tracked on tickets (OCA helpdesk_mgmt_timesheet with the Start/Stop timer of
        project_timesheet_time_control: a running entry has a start and no duration)."""
        self.ensure_one()
        Line = self.env["account.analytic.line"] if "account.analytic.line" in self.env else None
        if (
            Line is None
            or not {"date_time", "ticket_id"} <= set(Line._fields)
            or "project_id" not in self._fields
            or not self.project_id.allow_timesheets
            or not Line.has_access("create")
            or not self.env.user.employee_id
        ):
            return
        running = Line.search_count(
            [
                ("ticket_id", "=", self.id),
                ("user_id", "=", self.env.uid),
                ("date_time", "!=", False),
                ("unit_amount", "=", 0),
            ]
        )
        if not running:
            Line.create(
                {
                    "name": self.env._("Remote session (%(tool)s)", tool=tool_name),
                    "ticket_id": self.id,
                    "project_id": self.project_id.id,
                    "date_time": fields.Datetime.now(),
                    "unit_amount": 0.0,
                }
            )

    def action_view_remote_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_portal_remote.customer_portal_remote_session_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action
