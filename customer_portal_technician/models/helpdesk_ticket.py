import base64
import binascii
import io
from datetime import timedelta

from babel.dates import format_timedelta
from markupsafe import Markup
from PIL import Image

from odoo import SUPERUSER_ID, api, fields, models
from odoo.addons.customer_portal_credit.tools.duration import format_hours
from odoo.addons.customer_portal_tickets.tools.text import clean_text
from odoo.exceptions import UserError
from odoo.tools.image import ImageProcess
from odoo.tools.misc import babel_locale_parse, format_datetime, get_lang

from .helpdesk_sla import NO_LEVEL

# The support team's fields: customers read none of them (see below).
STAFF = "base.group_user"

IMPACTS = [
    ("none", "No Impact"),
    ("minor", "Minor"),
    ("major", "Major"),
    ("site_down", "Site Down"),
    ("server", "Server Issue"),
    ("crisis", "Crisis"),
]
ITIL_TYPES = [
    ("incident", "Incident"),
    ("problem", "Problem"),
    ("request", "Request"),
    ("change", "Change"),
]
# ITIL type a ticket gets from the portal form it came from.
ITIL_TYPE_OF_KIND = {"incident": "incident", "service": "request", "administrative": "request"}
# A change of these fields may change which cells of the SLA matrix apply.
SLA_FIELDS = {"urgency", "support_star_level", "team_id", "category_id", "tag_ids", "company_id"}
SIGNATURE_FIELDS = {"signature", "signed_by", "signed_on", "signature_requested"}
SIGNED_BY_MAX = 200
# The box a stored signature fits in (pixels): a signature pad's drawing, not a photo.
SIGNATURE_BOX = (1024, 512)
# The ratings a customer gives a resolution (core's smileys: satisfied, okay, dissatisfied)
# and the length of its comment.
RATES = (5, 3, 1)
FEEDBACK_MAX = 5000


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # The team's triage: customers say how urgent it is for them (urgency), not this.
    impact = fields.Selection(IMPACTS, tracking=True, groups=STAFF)
    itil_type = fields.Selection(
        ITIL_TYPES,
        groups=STAFF,
        string="ITIL Type",
        compute="_compute_itil_type",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Incident: an interruption to restore. Problem: the cause behind incidents. "
        "Request: a service or a question. Change: a planned change to a customer's "
        "installation.",
    )
    first_response_date = fields.Datetime(
        copy=False,
        readonly=True,
        help="When the support team first wrote to the customer on this ticket.",
    )
    # The queue's order, for the team: the customer's page tells its deadlines as
    # sentences (_customer_deadlines, read with sudo).
    queue_deadline = fields.Datetime(
        string="Deadline",
        groups=STAFF,
        compute="_compute_queue_deadline",
        store=True,
        index=True,
        help="The nearest deadline of the ticket's SLA (first response or resolution) "
        "not met yet, passed or not: a breached ticket keeps its deadline and comes "
        "first. Empty while the ticket waits for the customer. The queue is ordered by it.",
    )
    queue_late_by = fields.Char(
        string="Late by",
        groups=STAFF,
        compute="_compute_queue_late_by",
        help="How long ago the deadline passed, when it did.",
    )
    # helpdesk_mgmt_sla's: portal users have no right on SLA lines nor on the matrix
    # (security/ir.model.access.csv), so these would compute as the customer and refuse
    # any read of the ticket that includes them. The lines, the cells that apply and the
    # nearest deadline are the team's view of the SLA: staff only (the customer's page
    # tells its deadlines as sentences, read with sudo). "Breached" and "the cells still
    # fit" are two booleans helpdesk_mgmt_sla's form shows or hides elements by, for
    # every reader of the model: computed with sudo, the customer reads them on its own
    # ticket only.
    ticket_sla_ids = fields.One2many(groups=STAFF)
    sla_ids = fields.Many2many(groups=STAFF)
    sla_deadline = fields.Datetime(groups=STAFF, compute_sudo=True)
    sla_expired = fields.Boolean(compute_sudo=True)
    sla_fits = fields.Boolean(compute_sudo=True)
    signature_requested = fields.Boolean(
        copy=False,
        tracking=True,
        help="The customer is asked to sign this ticket (on-site work), from the portal "
        "or on the technician's tablet.",
    )
    signature = fields.Image(copy=False, attachment=True, max_width=1024, max_height=1024)
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False, tracking=True)

    @api.depends("ticket_kind")
    def _compute_itil_type(self):
        for ticket in self:
            ticket.itil_type = ITIL_TYPE_OF_KIND.get(ticket.ticket_kind, "request")

    @api.depends(
        "ticket_sla_ids.deadline",
        "ticket_sla_ids.state",
        "stage_id",
        "first_response_date",
    )
    def _compute_queue_deadline(self):
        for ticket in self:
            pending = ticket.ticket_sla_ids.filtered(lambda sla: sla._is_pending())
            ticket.queue_deadline = min(pending.mapped("deadline"), default=False)

    @api.depends_context("lang")
    @api.depends("queue_deadline")
    def _compute_queue_late_by(self):
        now = fields.Datetime.now()
        for ticket in self:
            deadline = ticket.queue_deadline
            ticket.queue_late_by = (
                ticket._format_lateness(now - deadline) if deadline and deadline < now else False
            )

    def _format_lateness(self, delta):
        """ "Late by 2 days 4 hours" in the reader's language: the two largest units."""
        locale = babel_locale_parse(get_lang(self.env).code)
        minutes = int(delta.total_seconds() // 60)
        days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
        units = {"days": days, "hours": hours} if days else {"hours": hours, "minutes": minutes}
        parts = [
            format_timedelta(timedelta(**{unit: value}), threshold=1, locale=locale)
            for unit, value in units.items()
            if value
        ] or [format_timedelta(timedelta(minutes=1), locale=locale)]
        return self.env._("Late by %(duration)s", duration=" ".join(parts))

    # SLA matrix --------------------------------------------------------------------

    def set_sla(self):
        """helpdesk_mgmt_sla's, with the cells of all tickets created at once."""
        self.ticket_sla_ids.unlink()
        self.env["helpdesk.ticket.sla"].create(
            [
                {"ticket_id": ticket.id, "sla_id": sla.id}
                for ticket in self.filtered("team_id.use_sla")
                for sla in ticket._get_sla()
            ]
        )

    def _get_sla_ticket_domain(self):
        level = self.support_star_level or NO_LEVEL
        urgency = self.urgency or "none"
        return [
            *super()._get_sla_ticket_domain(),
            ("support_star_level", "in", [False, level]),
            ("urgency", "in", [False, urgency]),
            ("company_id", "in", [False, self.company_id.id]),
        ]

    def _set_arrival(self, arrival):
        """Records the tickets as arrived at ``arrival`` (tickets imported from another
        helpdesk, demo data): their SLA deadlines count from then."""
        self.flush_recordset()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id IN %s",
            (arrival, tuple(self.ids)),
        )
        self.invalidate_recordset(["create_date"])
        self.filtered("team_id.use_sla").set_sla()
        self.ticket_sla_ids.flush_recordset()  # deadlines from the arrival, now
        return True

    def write(self, vals):
        closing = False
        if vals.get("stage_id"):
            closing = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"]).closed
        if closing and not vals.get("user_id"):
            # The technician who resolves an unassigned ticket is its technician: the
            # rating mail goes from them and rates them.
            self._take_by(self.env.user, start=False)
        if SIGNATURE_FIELDS & set(vals):
            vals = self._check_signature_write(vals)
        result = super().write(vals)
        if SLA_FIELDS & set(vals):
            for ticket in self.filtered("team_id.use_sla"):
                ticket.refresh_sla()
            # Moved to a team without SLA: its old deadlines no longer run (nor breach).
            self.filtered(lambda t: not t.team_id.use_sla).ticket_sla_ids.unlink()
        if closing:
            self._stop_running_timers()
        if vals.get("signature"):
            for ticket in self:
                ticket._post_signature()
        return result

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if self._is_support_reply(message):
            if not self.first_response_date:
                self.sudo()._record_first_response()
            # Whatever the door (chatter, e-mail reply, XML-RPC): the technician who
            # answers the customer on an unassigned ticket takes it.
            self._take_by(message.author_id.sudo().user_ids.filtered(lambda u: not u.share)[:1])
        return result

    # Taking a ticket ---------------------------------------------------------------

    @api.model
    def _may_take(self, user):
        """Whether ``user`` takes the unassigned tickets it works on: a helpdesk user (not
        a customer, not OdooBot nor the scheduled jobs)."""
        return bool(
            user
            and user.id != SUPERUSER_ID
            and not user.share
            and user.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )

    def _take_by(self, user, start=True):
        """The unassigned, open tickets of ``self`` go to ``user`` when it works on them
        (answers the customer, starts a timer, resolves); with ``start``, those not
        started yet (a stage such as New) move on to the team's first working stage (In
        progress): the customer reads who handles the ticket and that work started."""
        if not self._may_take(user):
            return self.browse()
        tickets = self.filtered(lambda t: not t.user_id and not t.stage_id.closed)
        for ticket in tickets:
            vals = {"user_id": user.id}
            if start and ticket.stage_id.unattended:
                stage = ticket._working_stage()
                if stage:
                    vals["stage_id"] = stage.id
            # sudo: a helpdesk user may work on a ticket it may not write (its team's
            # rules); the change is in its name (tracking keeps the user).
            ticket.sudo().write(vals)
        return tickets

    def _working_stage(self):
        """The team's first stage where a ticket is being worked on."""
        self.ensure_one()
        stages = self.team_id._get_applicable_stages()
        return stages.filtered(lambda s: not s.unattended and not s.closed)[:1]

    def _record_first_response(self):
        self.ensure_one()
        self.first_response_date = fields.Datetime.now()
        for sla in self.ticket_sla_ids.filtered(lambda s: s.target == "first_response"):
            sla._stage_recompute()

    def _notify_sla_breach(self, ticket_slas):
        """Deadlines passed: one internal note on the ticket, one activity for its
        assignee and one for its team leader. Staff read them: in the language and time
        zone of the assignee (else the team leader's, else the company's)."""
        self.ensure_one()
        users = (self.user_id | self.team_id.user_id).filtered(lambda u: u.active and not u.share)
        note = self._sla_breach_text(ticket_slas, users[:1])
        self.message_post(
            body=Markup("<p>%s</p>") % note,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        for user in users:
            ticket = self.with_context(lang=user.lang or self._staff_lang())
            ticket.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=ticket.env._("SLA breached on %(number)s", number=self.number),
                note=Markup("<p>%s</p>") % self._sla_breach_text(ticket_slas, user),
                user_id=user.id,
            )

    def _staff_lang(self):
        return self.company_id.partner_id.lang or self.env.lang or "en_US"

    def _sla_breach_text(self, ticket_slas, user):
        """ "SLA breached: <cell>, due on 01/12/2026 13:39." for ``user`` (language, time
        zone), one sentence per deadline."""
        env = self.with_context(lang=user.lang or self._staff_lang()).env
        sentences = []
        for ticket_sla in ticket_slas.sorted("deadline"):
            tz = user.tz or ticket_sla._calendar().tz
            sentences.append(
                env._(
                    "SLA breached: %(sla)s, due on %(deadline)s.",
                    sla=ticket_sla.sla_id.with_env(env).name,
                    deadline=format_datetime(env, ticket_sla.deadline, tz=tz, dt_format="short"),
                )
            )
        return " ".join(sentences)

    def _customer_deadlines(self):
        """What the customer's ticket page says about the SLA: the running deadlines as
        sentences in the reader's language and time zone, never the matrix."""
        self.ensure_one()
        running = (
            self.sudo()
            .ticket_sla_ids.filtered(lambda s: s.state == "in_progress" and s.deadline)
            .sorted("deadline")
        )
        seen, deadlines = set(), []
        for sla in running:
            if sla.target not in seen:
                seen.add(sla.target)
                # In the customer's time zone, else the support hours' (not UTC).
                tz = self.env.user.tz or sla._calendar().tz
                date = format_datetime(self.env, sla.deadline, tz=tz, dt_format="short")
                if sla.target == "first_response":
                    deadlines.append(self.env._("Response expected before %(date)s", date=date))
                else:
                    deadlines.append(self.env._("Resolution expected before %(date)s", date=date))
        return deadlines

    # Satisfaction ------------------------------------------------------------------

    def _rating_get_operator(self):
        """The rated technician, who sends the rating mail: the assignee, else the staff
        member who resolves (a ticket resolved unassigned by someone who is not a
        helpdesk user: the mail had no sender and resolution failed)."""
        operator = super()._rating_get_operator()
        if not operator and not self.env.user.share and not self.env.su:
            operator = self.env.user.partner_id
        return operator

    def _send_ticket_rating_mail(self, force_send=False):
        """A customer marking its ticket resolved may not post on it any more: its rating
        request is then sent by the system. From the technician who resolves, else."""
        sender = self.with_user(SUPERUSER_ID) if self.env.user.share else self
        return super(HelpdeskTicket, sender)._send_ticket_rating_mail(force_send=force_send)

    def rating_apply(
        self, rate, token=None, rating=None, feedback=None, subtype_xmlid=None, **kwargs
    ):
        """The rating of a resolution is posted on the resolved ticket (one of its lock's
        exemptions), for a rating of this ticket: the one the rating routes found by its
        token, or given by server code (JSON has no rating records). Its feedback is a
        customer's text, whatever the door (the e-mail's link, the ticket's page)."""
        if isinstance(feedback, str):
            feedback = clean_text(feedback).strip()
            if len(feedback) > FEEDBACK_MAX:
                raise UserError(
                    self.env._(
                        "Your comment is too long: at most %(count)s characters.",
                        count=FEEDBACK_MAX,
                    )
                )
        found = rating if isinstance(rating, models.BaseModel) else self.env["rating.rating"]
        if token and not found:
            found = self.env["rating.rating"].sudo().search([("access_token", "=", token)], limit=1)
        sender = self
        if len(self) == 1 and (found.res_model, found.res_id) == (self._name, self.id):
            sender = self._as_server_post("rating")
        return super(HelpdeskTicket, sender).rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            **kwargs,
        )

    def _portal_rating(self):
        """The rating a customer gives on the resolved ticket's page: the one its last
        rating e-mail asks for (the same record and token as the e-mail's smileys), once
        rated too (the e-mail's link changes it as long as the ticket stays resolved);
        none when the ticket is not resolved or no rating was asked."""
        self.ensure_one()
        if not (self._is_locked_for_customers() and self.partner_id):
            return self.env["rating.rating"]
        # sudo: rating.rating - customers read no ratings; this ticket is theirs
        return (
            self.env["rating.rating"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("partner_id", "=", self.partner_id.id),
                ],
                order="id desc",
                limit=1,
            )
        )

    def _rate_by_customer(self, rate, feedback=None):
        """The customer rates the resolution from the ticket's page: ``rate`` 5, 3 or 1
        (satisfied, okay, dissatisfied) on the rating of ``_portal_rating``, applied as
        the e-mail's link applies it. Raises with the customer's message."""
        self.ensure_one()
        rating = self._portal_rating()
        if not rating:
            raise UserError(
                self.env._("Ticket %(number)s is not waiting for your rating.", number=self.number)
            )
        if rate not in RATES:
            raise UserError(self.env._("Choose how satisfied you are."))
        return self.rating_apply(
            rate, rating=rating, feedback=feedback if isinstance(feedback, str) else ""
        )

    # Time entries ------------------------------------------------------------------

    def _stop_running_timers(self):
        """Resolving a ticket stops the timers still running on it; each gets its time
        and a note asks its technician to check the entry."""
        lines = (
            self.env["account.analytic.line"]
            .sudo()
            .search(
                [
                    ("ticket_id", "in", self.ids),
                    ("date_time", "!=", False),
                    ("unit_amount", "=", 0),
                ]
            )
        )
        lines.with_context(stop_dt=fields.Datetime.now()).button_end_work()
        for line in lines:
            # The system's note (one of the resolved lock's exemptions): a customer who
            # resolves its ticket may no longer post on it.
            line.ticket_id._as_server_post("system").message_post(
                author_id=self.env.ref("base.partner_root").id,
                body=self.env._(
                    "Timer of %(technician)s stopped when the ticket was resolved: "
                    "%(duration)s logged. Check the time entry and its description.",
                    technician=line.employee_id.name or line.user_id.name,
                    duration=format_hours(line.unit_amount),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=line.user_id.partner_id.ids,
            )
        return lines

    # Signature ---------------------------------------------------------------------

    def action_request_signature(self):
        for ticket in self:
            if ticket.signature:
                raise UserError(
                    self.env._("Ticket %(number)s is already signed.", number=ticket.number)
                )
            ticket.signature_requested = True
            if ticket.partner_id:
                # In the customer's language: it is written to the customer.
                customer_env = self.with_context(lang=ticket.partner_id.lang or self.env.lang).env
                ticket.message_post(
                    body=customer_env._(
                        "Please sign this ticket to confirm the work done: open it on your "
                        "customer portal and click Sign."
                    ),
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=ticket.partner_id.ids,
                )
        return True

    def _check_signature_write(self, vals):
        """A ticket is signed once, from the portal or on the technician's tablet (the
        backend form): the same lock and the same picture checks; a customer signs
        only when asked. Support staff may clear a signature, never overwrite one."""
        vals = dict(vals)
        if "signed_by" in vals:
            # Whatever the door: no NUL (PostgreSQL refuses it), a name's length.
            vals["signed_by"] = clean_text(vals["signed_by"] or "").strip()[:SIGNED_BY_MAX]
        if self.env.user.share and ("signature_requested" in vals or not vals.get("signature")):
            raise UserError(self.env._("Only the support team asks for a signature."))
        if vals.get("signature"):
            # Signed once: concurrent signatures wait here for the first one's commit
            # (then retry on the serialization failure), and find the ticket signed.
            self._lock_for_signature()
            for ticket in self:
                if ticket.signature:
                    raise UserError(self.env._("This ticket is already signed."))
                if self.env.user.share and not ticket.signature_requested:
                    raise UserError(self.env._("No signature was requested on this ticket."))
            vals["signature"] = self._signature_png(vals["signature"])
            vals.setdefault("signed_on", fields.Datetime.now())
            if not vals.get("signed_by") and len(self) == 1:
                vals["signed_by"] = self.partner_id.name or self.partner_name
        elif "signature" in vals:
            vals.setdefault("signed_on", False)  # cleared: the form offers the pad again
        return vals

    def _sign_by_customer(self, name, signature):
        """The customer signs from the portal. Returns an error message or None."""
        self.ensure_one()
        name = clean_text(name or "").strip()
        self._lock_for_signature()
        if self.signature:
            return self.env._("This ticket is already signed.")
        if not self.signature_requested:
            return self.env._("This ticket is not waiting for your signature.")
        if not name:
            return self.env._("Type your name to sign.")
        if not signature:
            return self.env._("Draw or type your signature.")
        try:
            self.write({"signature": signature, "signed_by": name})
        except UserError as error:
            return str(error)
        return None

    def _lock_for_signature(self):
        """Lock the tickets' rows until the transaction ends, and read their signature
        state again: two signers of one ticket never both find it unsigned."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM helpdesk_ticket WHERE id IN %s FOR UPDATE", [tuple(self.ids)]
            )
            self.invalidate_recordset(["signature", "signature_requested", "signed_by"])

    @api.model
    def _signature_png(self, signature):
        """The signature to store, base64: the posted picture decoded and saved again as
        a PNG that fits in SIGNATURE_BOX, never the posted bytes (whatever follows the
        picture in the file, its metadata and its format stay out)."""
        unreadable = UserError(self.env._("The signature could not be read."))
        try:
            # A picture Pillow reads, of a sensible size: a small file may claim
            # billions of pixels (Pillow then raises what Odoo does not turn into a
            # message); SVG and WebP are not processed by Odoo, so not accepted.
            image = ImageProcess(base64.b64decode(signature, validate=True)).image
            if not image:
                raise unreadable
            image.thumbnail(SIGNATURE_BOX)  # decodes the pixels; only ever shrinks
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            output = io.BytesIO()
            image.save(output, "PNG", optimize=True)
        except (
            binascii.Error,
            TypeError,
            ValueError,
            OSError,
            SyntaxError,
            UserError,
            Image.DecompressionBombError,
        ) as error:
            raise unreadable from error
        return base64.b64encode(output.getvalue())

    def _post_signature(self):
        """The signature as an image in the chatter, visible to the customer."""
        self.ensure_one()
        # Posted by the system in the signer's name: a resolved ticket takes no message
        # from the customer, but its signature is recorded.
        self.with_user(SUPERUSER_ID).message_post(
            body=self.env._("Ticket signed by %(name)s.", name=self.signed_by or ""),
            attachments=[(f"{self.number}-signature.png", base64.b64decode(self.signature))],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.env.user.partner_id.id,
        )
