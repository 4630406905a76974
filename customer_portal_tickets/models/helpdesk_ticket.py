import base64
import difflib
import logging
import re
from datetime import timedelta

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.addons.customer_portal_subscription.models.product_template import STAR_LEVELS
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.customer_portal_subscription.tools.xmlids import cached_ref
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize, html2plaintext, is_html_empty, plaintext2html
from odoo.tools.mail import email_split_and_format, email_split_tuples
from odoo.tools.sql import create_index

from ..tools import file_policy
from ..tools.locked_count import count_under_lock
from ..tools.text import clean_text
from .helpdesk_ticket_stage import CLOSED_PORTAL_STATES, PORTAL_STATES
from .mail_thread import AUTOMATIC_CONTEXT

_logger = logging.getLogger(__name__)

WEB_CHANNEL = "helpdesk_mgmt.helpdesk_ticket_channel_web"
EMAIL_CHANNEL = "helpdesk_mgmt.helpdesk_ticket_channel_email"
ACKNOWLEDGMENT_CRON = "customer_portal_tickets.ir_cron_send_acknowledgments"
# Fields of the support team's own: internal users read them, customers never do.
STAFF = "base.group_user"
# What our automatic answers carry (RFC 3834), so that no responder answers them.
AUTO_REPLY_HEADERS = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}

TICKET_KINDS = [
    ("incident", "Incident"),
    ("service", "Service Request"),
    ("administrative", "Administrative Request"),
]
URGENCIES = [
    ("none", "None"),
    ("low", "Low"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]
# Longest texts a customer may send, in characters (the forms say so before sending).
SUBJECT_MAX = 200
DESCRIPTION_MAX = 30000
CONTACT_NAME_MAX = 200
# Subjects at least this similar (0..1) to an open ticket's on the same product make the
# form ask "is it the same problem?".
DUPLICATE_SIMILARITY = 0.6
# Files kept for a form sent back with an error are removed after this long unless the
# ticket is created.
PENDING_FILES_LIFETIME = timedelta(days=1)
# Colleagues the ticket page offers to put in copy, at most.
COPY_CANDIDATES_MAX = 200
# Documents a customer may link a ticket to: each must be readable by the customer.
CUSTOMER_LINKS = {
    "previous_ticket_id": "helpdesk.ticket",
    "sale_order_id": "sale.order",
    "invoice_id": "account.move",
    "subscription_id": "sale.subscription",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    ticket_kind = fields.Selection(
        TICKET_KINDS,
        string="Kind",
        required=True,
        default="service",
        tracking=True,
        help="Incident: an unexpected interruption or disruption of the normal use of a "
        "product. Service request: a change, a configuration, an improvement, everyday "
        "help. Administrative request: a question to a department (orders, accounting, "
        "sales).",
    )
    urgency = fields.Selection(URGENCIES, tracking=True, help="Urgency the customer gave.")
    software_product_id = fields.Many2one(
        "product.product",
        string="Software",
        domain=[("is_supported_software", "=", True)],
        tracking=True,
    )
    department_id = fields.Many2one("customer.portal.department", tracking=True)
    # Portal users may not read products or departments: they read these names.
    software_product_name = fields.Char(related="software_product_id.name", string="Software Name")
    department_name = fields.Char(related="department_id.name", string="Department Name")
    # helpdesk_mgmt's label has no French translation: ours has. Written by technicians
    # for colleagues: never read by customers (JSON-RPC included).
    notes = fields.Html(string="Internal Notes", groups=STAFF)
    # helpdesk_mgmt's fields that are the support team's own (triage, internal tags and
    # properties): customers do not read them. The customer's files are listed on its
    # page (read there as the page reads them); portal users have no right on
    # ir.attachment, so the field is closed as well, which keeps a portal read() of its
    # own ticket working. (Duplicates, team members and "unattended" stay readable:
    # helpdesk_mgmt's form uses them in conditions shown to every reader of the model.)
    kanban_state = fields.Selection(groups=STAFF)
    color = fields.Integer(groups=STAFF)
    tag_ids = fields.Many2many(groups=STAFF)
    properties = fields.Properties(groups=STAFF)
    attachment_ids = fields.One2many(groups=STAFF)
    solution = fields.Html(
        sanitize=True,
        help="The answer given to the customer, shown on the portal under the description. "
        "Internal notes never reach the customer.",
    )
    previous_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        help="The resolved ticket this one follows up on.",
    )
    sale_order_id = fields.Many2one("sale.order", string="Quotation / Order")
    invoice_id = fields.Many2one(
        "account.move",
        domain=[("move_type", "in", ("out_invoice", "out_refund"))],
    )
    subscription_id = fields.Many2one("sale.subscription")
    support_star_level = fields.Selection(
        STAR_LEVELS,
        string="Star Level at Creation",
        readonly=True,
        copy=False,
        help="The customer's support star level when the ticket was created.",
    )
    # Indexed: a customer's tickets are found by it (duplicates, credit, the backend).
    commercial_partner_id = fields.Many2one(index=True)
    cc_partner_ids = fields.Many2many(
        "res.partner",
        "helpdesk_ticket_cc_partner_rel",
        "ticket_id",
        "partner_id",
        string="Contacts in Copy",
        help="Contacts who see this ticket on the portal and get its e-mails, besides the "
        "customer's company. The customer may put its colleagues in copy; only the support "
        "team may put a contact of another company. Following a ticket is not being in copy.",
    )
    # The one field the portal rule reads (security/helpdesk_ticket_rules.xml): stored in
    # an indexed relation, so that listing (SQL) and opening (has_access, in Python) agree.
    portal_partner_ids = fields.Many2many(
        "res.partner",
        "helpdesk_ticket_portal_partner_rel",
        "ticket_id",
        "partner_id",
        string="Portal Readers",
        compute="_compute_portal_partner_ids",
        store=True,
        groups="base.group_user",
        help="Whom the portal opens this ticket to: the customer company (each of its "
        "contacts) and each contact in copy (that contact only, not its company).",
    )
    portal_state = fields.Selection(
        PORTAL_STATES,
        compute="_compute_portal_state",
        store=True,
        help="What the customer reads of this ticket, on the portal (badge, filter, "
        "groups): the state of a closed stage; otherwise waiting for the customer when "
        "the ticket waits for its answer (support wrote last, or put it in a waiting "
        "stage), else the state of its stage.",
    )
    portal_state_sequence = fields.Integer(
        compute="_compute_portal_state",
        store=True,
        help="The rank of the portal state in the workflow: the portal list groups by it.",
    )

    acknowledgment_pending = fields.Boolean(
        readonly=True,
        groups=STAFF,
        copy=False,
        help="The customer is owed the acknowledgment of this ticket: it is being rendered "
        "and queued by a scheduled action started when the ticket was created.",
    )
    is_waiting_for_customer = fields.Boolean(
        string="Waiting for the Customer",
        readonly=True,
        copy=False,
        index=True,
        help="The ticket waits for the customer's answer: the last public message on it "
        "comes from the support team, or support put it in a waiting stage and the "
        "customer has not written since. Kept up to date as messages are posted and "
        "stages change (a stored flag: the portal filter on it costs the same with "
        "500,000 messages).",
    )
    portal_submission_key = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="base.group_user",
        help="The one-time key of the portal form that created the ticket: the same form "
        "sent twice (double click, resend) gets this ticket back instead of a second one.",
    )

    _sql_constraints = [
        (
            "portal_submission_key_unique",
            "UNIQUE(partner_id, portal_submission_key)",
            "This form was already sent.",
        ),
    ]

    def init(self):
        result = super().init()
        # The acknowledgments owed: a handful among every ticket.
        create_index(
            self.env.cr,
            "helpdesk_ticket_acknowledgment_pending_index",
            self._table,
            ["id"],
            where="acknowledgment_pending",
        )
        # The hourly limit counts a customer's tickets of the last hour, under its lock, at
        # every creation: without this, two scans of every ticket (24 ms each at 100,000).
        create_index(self.env.cr, "helpdesk_ticket_create_date_index", self._table, ["create_date"])
        return result

    def _creation_subtype(self):
        # helpdesk_mgmt's, without env.ref's query checking that it still exists.
        return cached_ref(self.env, "helpdesk_mgmt.hlp_tck_created")

    @api.depends("commercial_partner_id", "cc_partner_ids")
    def _compute_portal_partner_ids(self):
        for ticket in self:
            ticket.portal_partner_ids = ticket.commercial_partner_id | ticket.cc_partner_ids

    def _check_copy_change(self, before):
        """The contacts in copy changed (``before``: ticket id -> contacts in copy before the
        create or write): a customer (share user, sudo or not) changes the copy of its
        company's tickets only, and puts in or takes out of it contacts of its company only;
        staff put anyone. Those put in copy get the ticket's e-mails, those taken out no
        longer do."""
        user = self.env.user
        nobody = self.env["res.partner"].sudo()
        for ticket in self.sudo():
            old, new = before.get(ticket.id, nobody), ticket.cc_partner_ids
            if user.share and old != new:
                company = user.partner_id.commercial_partner_id
                if ticket.commercial_partner_id != company:
                    raise ValidationError(
                        self.env._(
                            "Only the contacts of this ticket's customer can change who is "
                            "in copy."
                        )
                    )
                if ((old | new) - (old & new)).commercial_partner_id - company:
                    raise ValidationError(
                        self.env._(
                            "You can only put contacts of your company in copy, or take "
                            "them out of it."
                        )
                    )
            if new - old:
                ticket.message_subscribe((new - old).ids)
            if old - new - ticket.partner_id:
                ticket.message_unsubscribe((old - new - ticket.partner_id).ids)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """A follower gets the ticket's messages by e-mail and reads them in its thread:
        only staff and those the portal rule lets read the ticket follow it. A staff user
        who makes another contact follow it from the backend puts that contact in copy
        (the one way it reads a ticket); anyone else's subscription of a stranger (the
        mail gateway, the system, a customer) is dropped."""
        if not partner_ids:
            return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        others = partners.filtered(lambda partner: not partner._is_support_staff())
        if not others:
            return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
        # A person of the support team, in the backend: not the mail gateway, not the
        # system's own code (which never makes a stranger read a ticket).
        by_staff = (
            not self.env.user.share
            and self.env.uid != SUPERUSER_ID
            and not self.env.context.get("from_alias")
        )
        result = True
        for ticket in self:
            readers = ticket.sudo().portal_partner_ids
            strangers = others.filtered(
                lambda partner, readers=readers: not (partner | partner.commercial_partner_id)
                & readers
            )
            if strangers and by_staff:
                ticket.sudo().cc_partner_ids |= strangers
                strangers = strangers.browse()
            kept = partners - strangers
            if kept:
                result = (
                    super(HelpdeskTicket, ticket).message_subscribe(
                        partner_ids=kept.ids, subtype_ids=subtype_ids
                    )
                    and result
                )
        return result

    def _portal_copy_editable(self, partner):
        """Whether ``partner`` (a portal user's contact) may change who is in copy."""
        self.ensure_one()
        company = partner.sudo().commercial_partner_id
        return bool(company) and self.sudo().commercial_partner_id == company

    def _portal_copy_candidates(self, partner):
        """The colleagues ``partner`` may put in copy: contacts of its company, neither the
        ticket's contact nor already in copy."""
        self.ensure_one()
        ticket = self.sudo()
        company = partner.sudo().commercial_partner_id
        return (
            self.env["res.partner"]
            .sudo()
            .search_fetch(
                [
                    ("commercial_partner_id", "=", company.id),
                    ("id", "not in", (company | ticket.partner_id | ticket.cc_partner_ids).ids),
                    ("type", "=", "contact"),
                ],
                ["name"],
                order="name",
                limit=COPY_CANDIDATES_MAX,
            )
        )

    @api.depends("stage_id.portal_state", "is_waiting_for_customer")
    def _compute_portal_state(self):
        order = [key for key, _label in PORTAL_STATES]
        for ticket in self:
            state = ticket.stage_id.portal_state
            if state and state not in CLOSED_PORTAL_STATES:
                if ticket.is_waiting_for_customer:
                    state = "waiting"
                elif state == "waiting":
                    # A waiting stage the customer has answered is in progress again.
                    state = "in_progress"
            ticket.portal_state = state
            ticket.portal_state_sequence = order.index(state) if state else 0

    def portal_state_badge_class(self):
        """The colour of the badge of the portal state (list, page)."""
        self.ensure_one()
        return {
            "resolved": "text-bg-success",
            "rejected": "text-bg-secondary",
            "cancelled": "text-bg-secondary",
            "waiting": "text-bg-warning",
        }.get(self.portal_state, "text-bg-info")

    @api.model
    def _is_public_message(self, message):
        """A message the customer reads: a comment or an e-mail, not a note."""
        return message.message_type in ("comment", "email") and not (
            message.is_internal or message.subtype_id.internal
        )

    @api.model
    def _is_support_reply(self, message):
        """A message the support team wrote to the customer."""
        return (
            self._is_public_message(message)
            and bool(message.author_id)
            and message.author_id._is_support_staff()
        )

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if self._is_public_message(message):
            waiting = self._is_support_reply(message)
            if self.is_waiting_for_customer != waiting:
                self.sudo().is_waiting_for_customer = waiting
        return result

    def _recompute_waiting_for_customer(self):
        """Sets the flag of every ticket from its messages (installation, upgrade, data
        loaded in SQL)."""
        waiting = self._waiting_for_customer_ids()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET is_waiting_for_customer = (id = ANY(%s))"
            " WHERE is_waiting_for_customer IS DISTINCT FROM (id = ANY(%s)) RETURNING id",
            [waiting, waiting],
        )
        changed = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.invalidate_model(["is_waiting_for_customer"])
        self.env.add_to_compute(self._fields["portal_state"], changed)
        self.env.add_to_compute(self._fields["portal_state_sequence"], changed)
        changed.flush_recordset(["portal_state", "portal_state_sequence"])

    def _recompute_portal_states(self):
        """The flag, state and state rank of every ticket from its stage and messages: on
        install (tickets made before this addon: helpdesk_mgmt's own, a live helpdesk's),
        and on upgrade, where the stored computes are not recomputed."""
        tickets = self.with_context(active_test=False)
        tickets._recompute_waiting_for_customer()
        self.env.cr.execute("SELECT id FROM helpdesk_ticket")
        every = tickets.browse([row[0] for row in self.env.cr.fetchall()])
        for field in ("portal_state", "portal_state_sequence"):
            self.env.add_to_compute(tickets._fields[field], every)
        every.flush_recordset(["portal_state", "portal_state_sequence"])

    def _waiting_for_customer_ids(self, ticket_ids=None):
        """Tickets whose last public message (a comment or an e-mail, not a note) was
        written by an active internal user (as _is_support_staff says: not OdooBot), and
        tickets in a waiting stage without any public message."""
        self.env["mail.message"].flush_model()
        self.flush_model(["stage_id"])
        self.env["helpdesk.ticket.stage"].flush_model(["portal_state"])
        query = """
            SELECT t.id
              FROM helpdesk_ticket t
              JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
             WHERE s.portal_state = 'waiting'
               {ticket_ids}
               AND NOT EXISTS (
                    SELECT 1 FROM mail_message m
                      JOIN mail_message_subtype st ON st.id = m.subtype_id
                     WHERE m.model = 'helpdesk.ticket' AND m.res_id = t.id
                       AND m.message_type IN ('comment', 'email')
                       AND NOT COALESCE(st.internal, FALSE)
                       AND NOT COALESCE(m.is_internal, FALSE)
                   )
             UNION
            SELECT last.res_id
              FROM (
                    SELECT DISTINCT ON (m.res_id) m.res_id, m.author_id
                      FROM mail_message m
                      JOIN mail_message_subtype st ON st.id = m.subtype_id
                     WHERE m.model = 'helpdesk.ticket'
                       AND m.message_type IN ('comment', 'email')
                       AND NOT COALESCE(st.internal, FALSE)
                       AND NOT COALESCE(m.is_internal, FALSE)
                       -- not a message deleted from the chatter (no text, no file left)
                       AND (btrim(regexp_replace(COALESCE(m.body, ''), '<[^>]*>', '', 'g')) != ''
                            OR EXISTS (SELECT 1 FROM message_attachment_rel r
                                        WHERE r.message_id = m.id))
                       {ids}
                  ORDER BY m.res_id, m.id DESC
                   ) last
             WHERE EXISTS (
                    SELECT 1 FROM res_users u
                     WHERE u.partner_id = last.author_id AND NOT u.share AND u.active
                   )
        """
        if ticket_ids is not None:
            if not ticket_ids:
                return []
            self.env.cr.execute(
                query.format(ids="AND m.res_id IN %s", ticket_ids="AND t.id IN %s"),
                [tuple(ticket_ids), tuple(ticket_ids)],
            )
        else:
            self.env.cr.execute(query.format(ids="", ticket_ids=""))
        return [row[0] for row in self.env.cr.fetchall()]

    # ------------------------------------------------------------------
    # Creation: the same rules whatever the door
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # A portal user creates tickets through our forms, its own e-mails (the mail
        # gateway runs as the user whose address sent them) or any other way in; sudo
        # does not change who the user is.
        customer = self.env.user.partner_id if self.env.user.share else None
        for vals in vals_list:
            if customer:
                self._prepare_customer_vals(vals, customer)
            self._prepare_routing_vals(vals)
        vals_list = [self._waiting_stage_vals(vals) for vals in vals_list]
        tickets = super().create(vals_list)
        # A ticket created closed (imported, or seeded) has its closing date too.
        tickets.filtered(lambda t: t.stage_id.closed and not t.closed_date).write(
            {"closed_date": fields.Datetime.now()}
        )
        if customer:
            tickets._customer_ticket_created()
        tickets.filtered(lambda t: t.sudo().cc_partner_ids)._check_copy_change({})
        if any(vals.get("department_id") for vals in vals_list):
            tickets.filtered("department_id")._notify_department()
        return tickets

    def write(self, vals):
        vals = self._waiting_stage_vals(vals)
        if "cc_partner_ids" not in vals:
            return super().write(vals)
        before = {ticket.id: ticket.cc_partner_ids for ticket in self.sudo()}
        result = super().write(vals)
        self._check_copy_change(before)
        return result

    @api.model
    def _waiting_stage_vals(self, vals):
        """``vals`` with the waiting flag set when they put the ticket in a waiting
        stage (support waits for the customer), whoever writes them."""
        if vals.get("stage_id") and "is_waiting_for_customer" not in vals:
            stage = self.env["helpdesk.ticket.stage"].sudo().browse(vals["stage_id"])
            if stage.portal_state == "waiting":
                return {**vals, "is_waiting_for_customer": True}
        return vals

    @api.model
    def default_get(self, fields_list):
        """helpdesk_mgmt's auto-assignment picks whoever creates the ticket: never OdooBot
        (mail gateway, scripts) nor a customer."""
        defaults = super().default_get(fields_list)
        if defaults.get("user_id") and self._is_technical_user(defaults["user_id"]):
            defaults["user_id"] = False
        return defaults

    @api.model
    def _is_technical_user(self, user_id):
        user = self.env["res.users"].sudo().browse(user_id)
        return user._is_superuser() or user.share or not user.active

    @api.model
    def _prepare_routing_vals(self, vals):
        """Team from the department, star level from the customer's company, and nobody
        technical in charge (the mail gateway or a script runs as OdooBot, whom
        helpdesk_mgmt's auto-assignment would pick): set for every ticket, whoever
        creates it."""
        if vals.get("user_id") and self._is_technical_user(vals["user_id"]):
            vals["user_id"] = False
        if vals.get("department_id") and not vals.get("team_id"):
            department = self.env["customer.portal.department"].sudo().browse(vals["department_id"])
            vals["team_id"] = department.team_id.id
        if vals.get("partner_id") and "support_star_level" not in vals:
            partner = self.env["res.partner"].sudo().browse(vals["partner_id"])
            vals["support_star_level"] = partner.commercial_partner_id.support_star_level
        return vals

    @api.model
    def _prepare_customer_vals(self, vals, partner):
        """The values of a ticket ``partner`` (a portal user's contact) opens, cleaned
        and checked: raises when a rule refuses it."""
        for field in ("name", "partner_name", "partner_email"):
            if field in vals:
                vals[field] = clean_text(vals[field]).strip()
        if "description" in vals:
            vals["description"] = clean_text(vals["description"])
        vals.update({"partner_id": partner.id, "user_id": False})
        vals.setdefault("partner_name", partner.name)
        vals.setdefault("partner_email", partner.email or "")
        if not vals.get("team_id") and vals.get("ticket_kind") != "administrative":
            vals["team_id"] = self._customer_default_team().id
        if not vals.get("channel_id"):
            vals["channel_id"] = cached_ref(self.env, WEB_CHANNEL).id
        errors = self._customer_vals_errors(vals)
        if errors:
            raise ValidationError("\n".join(errors.values()))
        self._check_customer_links(vals, partner)
        # A contact with a portal login writing to the support address: the mail
        # gateway creates its ticket as that user, in the E-mail channel.
        email_channel = cached_ref(self.env, EMAIL_CHANNEL, raise_if_not_found=False)
        door = "email" if email_channel and vals["channel_id"] == email_channel.id else "portal"
        self._check_customer_may_create(partner, door=door)

    @api.model
    def _customer_default_team(self):
        """The team of the incidents and service requests customers open."""
        technical = cached_ref(self.env, "customer_portal_tickets.team_technical", False)
        return (
            self.env.company.sudo().portal_ticket_team_id
            or (technical and technical.sudo())
            or self.env["helpdesk.ticket.team"]
        )

    @api.model
    def _customer_vals_errors(self, vals):
        """What is wrong with the values of a ticket a customer opens: a translated
        message per field name, empty when all is well."""
        errors = {}
        name = vals.get("name") or ""
        if not name.strip():
            errors["name"] = self.env._("Give your request a subject.")
        elif len(name) > SUBJECT_MAX:
            errors["name"] = self.env._(
                "The subject is %(length)s characters long; keep it under %(max)s.",
                length=len(name),
                max=SUBJECT_MAX,
            )
        description = html2plaintext(vals.get("description") or "").strip()
        if not description:
            errors["description"] = self.env._("Describe your request.")
        elif len(description) > DESCRIPTION_MAX:
            errors["description"] = self.env._(
                "The description is %(length)s characters long; keep it under %(max)s and "
                "attach longer texts (logs, exports) as files.",
                length=len(description),
                max=DESCRIPTION_MAX,
            )
        category = vals.get("category_id")
        if category and category not in self._portal_categories().ids:
            errors["category_id"] = self.env._("Choose one of the categories offered.")
        kind = vals.get("ticket_kind") or "service"
        if kind == "incident" and vals.get("urgency") not in dict(URGENCIES):
            errors["urgency"] = self.env._("Choose the urgency of the incident.")
        if kind == "administrative":
            Department = self.env["customer.portal.department"]
            department = Department.sudo().browse(vals.get("department_id") or [])
            if not department or department not in Department._portal_available(self.env.company):
                errors["department_id"] = self.env._("Choose the department your request is for.")
            contact_name = vals.get("partner_name") or ""
            if not contact_name.strip():
                errors["partner_name"] = self.env._("Give the name we should answer.")
            elif len(contact_name) > CONTACT_NAME_MAX:
                errors["partner_name"] = self.env._(
                    "The name is %(length)s characters long; keep it under %(max)s.",
                    length=len(contact_name),
                    max=CONTACT_NAME_MAX,
                )
            email = vals.get("partner_email") or ""
            if len(email) > 254 or not email_normalize(email):
                errors["partner_email"] = self.env._(
                    "This e-mail address is not valid: %(email)s", email=email[:254]
                )
        return errors

    @api.model
    def _portal_categories(self):
        """The categories customers may choose (and filter their tickets by)."""
        return (
            self.env["helpdesk.ticket.category"]
            .sudo()
            .search(
                [("show_in_portal", "=", True), ("company_id", "in", [self.env.company.id, False])]
            )
        )

    @api.model
    def _customer_text_limits(self):
        """Longest texts of the forms' inputs, for their ``maxlength``."""
        return {
            "subject": SUBJECT_MAX,
            "description": DESCRIPTION_MAX,
            "contact_name": CONTACT_NAME_MAX,
            "contact_email": 254,
        }

    @api.model
    def _check_customer_links(self, vals, partner):
        """A customer links a ticket only to documents it may read and to software its
        company has."""
        for field, model in CUSTOMER_LINKS.items():
            if vals.get(field):
                record = self.env[model].sudo(False).browse(vals[field]).exists()
                if not record or not record.has_access("read"):
                    raise AccessError(self.env._("This document does not exist or is not yours."))
        product_id = vals.get("software_product_id")
        if product_id and product_id not in partner._portal_supported_software().ids:
            raise AccessError(self.env._("Your company has no subscription to this software."))

    # ------------------------------------------------------------------
    # Who may open a ticket, and how many an hour
    # ------------------------------------------------------------------
    @api.model
    def _customer_refusal(self, partner, email=False, company=None, door="portal"):
        """Why ``partner`` (or, when no contact has the address, ``email``) may not open
        a ticket now, as a translated sentence; None when it may. Takes the lock that
        makes the hourly count hold until the transaction ends. The hourly limit counts
        the tickets of the ``door`` ("portal": forms and the model; "email": the mail
        gateway) apart: a From: proves nothing, so e-mails sent in a customer's name
        never use up its portal tickets."""
        company = company or self.env.company
        if partner and not self.env.user.share and partner._is_support_staff():
            # Our own people write to the helpdesk too (the mail gateway).
            return None
        if partner and not partner._portal_ticket_may_open():
            approvers = partner._portal_ticket_approvers()
            if approvers:
                return self.env._(
                    "%(company)s has asked that only some of its contacts open tickets: "
                    "please ask %(approvers)s to open this one for you.",
                    company=partner.commercial_partner_id.name,
                    approvers=", ".join(approvers.mapped("name")),
                )
            return self.env._(
                "%(company)s has asked that only some of its contacts open tickets: please "
                "ask the person in charge of support in your company to open this one.",
                company=partner.commercial_partner_id.name,
            )
        if not partner and company.portal_ticket_unknown_senders == "refuse":
            return self.env._(
                "Your address %(email)s is not one of our customers' contacts, so your "
                "message did not open a ticket. If you are a customer, write from the "
                "address we know you by or open a ticket on your customer portal; otherwise "
                "contact us at %(contact)s.",
                email=email or "",
                contact=company.email or company.name,
            )
        limit = company.portal_ticket_hourly_limit
        if limit > 0 and self._customer_recent_count(partner, email, door) >= limit:
            return self.env._(
                "You have opened %(count)s tickets in the last hour, the most we accept. "
                "Please wait a little, or add to one of your open tickets.",
                count=limit,
            )
        return None

    @api.model
    def _check_customer_may_create(self, partner, email=False, company=None, door="portal"):
        """Raise when ``partner`` (or ``email``) may not open a ticket now by ``door``;
        otherwise count the ticket about to be created in the hourly limit."""
        refusal = self._customer_refusal(partner, email, company, door)
        if refusal:
            raise UserError(refusal)
        counts = self._customer_recent_counts()
        key = self._customer_lock_key(partner, email, door)
        if key in counts:
            counts[key] += 1

    @api.model
    def _customer_lock_key(self, partner, email, door="portal"):
        key = partner.id if partner else email_normalize(email or "") or ""
        return f"helpdesk.ticket/customer/{door}/{key}"

    @api.model
    def _customer_recent_counts(self):
        """Tickets opened in the last hour per customer, counted once per transaction
        under its lock (and raised by each ticket created after)."""
        return self.env.cr.precommit.data.setdefault("customer_portal_tickets.recent", {})

    @api.model
    def _customer_recent_count(self, partner, email=False, door="portal"):
        """Tickets ``partner`` (or the address ``email``) opened in the last hour, counted
        under the customer's lock (``count_under_lock``) once per transaction."""
        counts = self._customer_recent_counts()
        key = self._customer_lock_key(partner, email, door)
        if key in counts:
            return counts[key]
        self.flush_model(["partner_id", "partner_email", "channel_id"])
        since = fields.Datetime.now() - timedelta(hours=1)
        if partner:
            query = "SELECT id FROM helpdesk_ticket WHERE create_date >= %s AND partner_id = %s"
            params = [since, partner.id]
        else:
            # The address exactly (xbob@ is not bob@): the field holds it bare or as
            # "Name <address>" (as the mail gateway stores it).
            query = """SELECT id FROM helpdesk_ticket WHERE create_date >= %s
                       AND partner_id IS NULL
                       AND (lower(btrim(partner_email)) = %s
                            OR right(lower(btrim(partner_email)), %s) = %s)"""
            email = email_normalize(email or "") or ""
            params = [since, email, len(email) + 2, f"<{email}>"]
        # The door's tickets: those of the E-mail channel, or all others. Without that
        # channel (a manager deleted it), all of them.
        channel = cached_ref(self.env, EMAIL_CHANNEL, raise_if_not_found=False)
        if channel:
            query += (
                " AND channel_id = %s" if door == "email" else " AND channel_id IS DISTINCT FROM %s"
            )
            params.append(channel.id)
        counts[key] = count_under_lock(self.env, key, query, params)
        return counts[key]

    def _customer_ticket_created(self):
        """What follows a ticket a customer opened: the customer follows it and is owed
        the acknowledgment with its number, queued (``_cron_send_acknowledgments``
        renders and queues it right after the commit, outside the customer's request)."""
        user = self.env.user
        # The creator follows what it creates (mail.thread), unless told not to.
        creator_follows = user.share and not self.env.context.get("mail_create_nosubscribe")
        owed = self.browse()
        for ticket in self.sudo():
            if ticket.partner_id:
                if ticket.partner_id == user.partner_id and creator_follows:
                    owed |= ticket
                    continue
                if ticket.partner_id._is_support_staff():
                    continue
                ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
            elif not ticket.partner_email:
                continue
            owed |= ticket
        if owed:
            owed.sudo().acknowledgment_pending = True
            cached_ref(self.env, ACKNOWLEDGMENT_CRON).sudo()._trigger()

    def _notify_department(self):
        """An administrative request reached its department, whatever the door: the
        department's people (:meth:`customer.portal.department._people_to_notify`)
        follow it, so that the customer's messages reach them, and are told in an
        internal note, in their language."""
        root = cached_ref(self.env, "base.partner_root")
        for ticket in self.sudo():
            partners = ticket.department_id._people_to_notify().partner_id
            if not partners:
                continue
            ticket.message_subscribe(partner_ids=partners.ids)
            ticket = ticket.with_context(lang=partners[:1].lang or self.env.lang)
            ticket.with_user(SUPERUSER_ID).message_post(
                body=ticket.env._(
                    "New administrative request %(number)s for %(department)s from "
                    "%(customer)s: %(subject)s",
                    number=ticket.number,
                    department=ticket.department_id.name,
                    customer=ticket.partner_name or ticket.partner_id.display_name,
                    subject=ticket.name,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=partners.ids,
                author_id=root.id,
            )

    @api.model
    def _cron_send_acknowledgments(self, limit=200):
        """Scheduled right after tickets are created (and every hour, should a wake-up
        be lost): render and queue the acknowledgments owed, in the customer's
        language. A ticket whose acknowledgment fails is logged and not tried again."""
        template = cached_ref(
            self.env, "customer_portal_tickets.mail_template_ticket_received", False
        )
        tickets = self.sudo().search(
            [("acknowledgment_pending", "=", True)], order="id", limit=limit + 1
        )
        owed = tickets[:limit]
        # A ticket of an unknown address (opened by e-mail) gets the short answer.
        unknown = owed.filtered(lambda ticket: not ticket.partner_id)
        known = owed - unknown
        if unknown:
            unknown._send_unknown_sender_acknowledgments()
        # An automatic answer too (RFC 3834): marked, so that no responder answers it.
        marked = {"headers": repr(AUTO_REPLY_HEADERS)}
        if template and known:
            try:
                # Rendered together (mail's batch: one read of the records, per language).
                with self.env.cr.savepoint():
                    template.send_mail_batch(known.ids, email_values=marked)
            except Exception:
                # One that fails must not hold back the others: each on its own.
                for ticket in known:
                    try:
                        with self.env.cr.savepoint():
                            template.send_mail(ticket.id, email_values=marked)
                    except Exception:
                        _logger.exception("Acknowledgment of ticket %s not sent", ticket.number)
        owed.acknowledgment_pending = False
        if len(tickets) > limit:
            cached_ref(self.env, ACKNOWLEDGMENT_CRON)._trigger()

    def _send_unknown_sender_acknowledgments(self):
        """The acknowledgment of tickets opened by e-mail from an address that is no
        contact's: anyone can write from any address, so it is an automatic answer
        (RFC 3834: marked, at most one an hour per address) to the bare address, with
        the ticket's number only: no link with an access token, nothing of the message
        (a spoofed sender must not make us relay someone's text)."""
        template = cached_ref(
            self.env, "customer_portal_tickets.mail_template_ticket_received_unknown", False
        )
        Answers = self.env["helpdesk.ticket.auto.answer"]
        for ticket in self if template else ():
            email = email_normalize(ticket.partner_email or "")
            if not email or not Answers._reserve(email, "acknowledgment"):
                continue
            try:
                with self.env.cr.savepoint():
                    template.send_mail(
                        ticket.id,
                        email_values={
                            "email_to": email,
                            "recipient_ids": [],
                            "headers": repr(AUTO_REPLY_HEADERS),
                        },
                    )
            except Exception:
                _logger.exception("Acknowledgment of ticket %s not sent", ticket.number)

    # ------------------------------------------------------------------
    # Portal forms
    # ------------------------------------------------------------------
    @api.model
    def _create_from_portal(self, vals, files=(), pending=None, submission_key=None):
        """Create the ticket a portal user sent with its files: ``files`` are accepted
        (name, bytes) pairs, ``pending`` attachments kept from an earlier try. Called
        with sudo by the forms; ``create`` applies the customer rules. With the form's
        one-time ``submission_key``, a form sent again (double click, resend) returns
        the ticket its first sending created, and creates nothing."""
        if submission_key:
            sent = self._portal_submission(submission_key)
            if sent:
                return sent
            vals = dict(vals, portal_submission_key=submission_key)
        ticket = self.create(vals)
        self._store_customer_files(files, ticket)
        if pending:
            pending.sudo().write({"res_id": ticket.id})
        return ticket

    @api.model
    def _portal_submission(self, submission_key):
        """The ticket the current user's contact created with the form key
        ``submission_key``, or an empty recordset; claims the key until the transaction
        ends, so that a second sending of the form waits for the first one's commit,
        then finds its ticket (through a fresh snapshot: this transaction's may predate
        that commit: use its id, its fields may not be in this snapshot)."""
        partner = self.env.user.partner_id
        self.env.cr.execute(
            "SELECT pg_advisory_xact_lock(hashtext(%s))",
            [f"helpdesk.ticket/submission/{partner.id}/{submission_key}"],
        )
        self.flush_model(["partner_id", "portal_submission_key"])
        query = """SELECT id FROM helpdesk_ticket
                   WHERE partner_id = %s AND portal_submission_key = %s"""
        params = [partner.id, submission_key]
        self.env.cr.execute(query, params)
        ids = [row[0] for row in self.env.cr.fetchall()]
        if not ids:
            with self.env.registry.cursor() as fresh:
                fresh.execute(query, params)
                ids = [row[0] for row in fresh.fetchall()]
        return self.browse(ids[:1])

    @api.model
    def _store_customer_files(self, files, ticket=None):
        """Attachments of accepted files: on ``ticket``, or pending (unlinked, with an
        access token) for a form sent back, until the ticket exists or they expire. A
        customer keeps at most ``_pending_files_budget()`` pending files a day: the
        others are not stored (compare the counts to tell)."""
        Attachment = self.env["ir.attachment"].sudo()
        attachments = Attachment
        if not ticket:
            files = list(files)[: self._pending_files_budget()]
        for name, data in files:
            attachments |= Attachment.create(
                {
                    "name": name,
                    "datas": base64.b64encode(data),
                    "res_model": self._name,
                    "res_id": ticket.id if ticket else 0,
                }
            )
        if not ticket:
            for attachment in attachments:
                attachment.generate_access_token()
        return attachments

    @api.model
    def _pending_files_budget(self):
        """How many more files the user may leave pending today (forms sent back with an
        error keep their files): twice the files of a message."""
        since = fields.Datetime.now() - PENDING_FILES_LIFETIME
        waiting = (
            self.env["ir.attachment"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", [0, False]),
                    ("create_uid", "=", self.env.uid),
                    ("create_date", ">=", since),
                ]
            )
        )
        return max(0, 2 * self.env.company.portal_ticket_max_files - waiting)

    @api.model
    def _pending_customer_files(self, pairs):
        """The pending attachments of a form sent back, given as (id, token) pairs:
        only unlinked ticket files whose token matches."""
        ids = [to_id(att_id) for att_id, _token in pairs if to_id(att_id)]
        tokens = dict(pairs)
        attachments = self.env["ir.attachment"].sudo().browse(ids).exists()
        return attachments.filtered(
            lambda a: a.res_model == self._name
            and not a.res_id
            and a.access_token
            and file_policy.tokens_match(a.access_token, tokens.get(str(a.id)))
        )

    @api.model
    def _gc_pending_customer_files(self):
        """Scheduled: remove the files of forms that were never sent again."""
        since = fields.Datetime.now() - PENDING_FILES_LIFETIME
        stale = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", [0, False]),
                    ("create_date", "<", since),
                ]
            )
        )
        _logger.info("Removing %s pending ticket files older than a day", len(stale))
        stale.unlink()

    @api.model
    def _find_duplicate(self, partner, subject, product):
        """An open ticket of ``partner``'s company on ``product`` whose subject is close
        to ``subject``, if any."""
        if not product:
            return self.browse()
        candidates = self.sudo().search(
            [
                ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                ("software_product_id", "=", product.id),
                ("closed", "=", False),
            ],
            limit=50,
            order="create_date desc",
        )
        wanted = _normalize_subject(subject)
        for ticket in candidates:
            ratio = difflib.SequenceMatcher(None, wanted, _normalize_subject(ticket.name)).ratio()
            if ratio >= DUPLICATE_SIMILARITY:
                return ticket
        return self.browse()

    # ------------------------------------------------------------------
    # Files customers attach, whatever the door
    # ------------------------------------------------------------------
    @api.model
    def _check_customer_files(self, files, already=0, company=None):
        """Check files a customer attaches: ``files`` is a list of (name, bytes);
        ``already`` files were accepted before. Returns (name, message) for each refused
        one."""
        company = company or self.env.company
        limits = company._portal_ticket_file_limits()
        messages = {
            "program": lambda name: self.env._("%(name)s: programs cannot be attached.", name=name),
            "type": lambda name: self.env._(
                "%(name)s: this type of file is not accepted. Accepted types: %(types)s.",
                name=name,
                types=", ".join(limits["extensions"]),
            ),
            "size": lambda name: self.env._(
                "%(name)s is larger than %(size)s MB.", name=name, size=limits["max_size_mb"]
            ),
            "content": lambda name: self.env._(
                "%(name)s: its content is not a .%(extension)s file.",
                name=name,
                extension=file_policy.extension_of(name),
            ),
            "count": lambda name: self.env._(
                "%(name)s: at most %(count)s files can be attached.",
                name=name,
                count=limits["max_files"],
            ),
            "archive_program": lambda name: self.env._(
                "%(name)s: this archive contains a program; programs cannot be attached.",
                name=name,
            ),
            "archive_bomb": lambda name: self.env._(
                "%(name)s: unpacked, this archive would be far larger than it is (more than "
                "%(size)s MB, %(count)s files, or %(ratio)s times its size): it cannot be "
                "attached.",
                name=name,
                size=file_policy.ARCHIVE_MAX_UNPACKED // file_policy.MEGABYTE,
                count=file_policy.ARCHIVE_MAX_MEMBERS,
                ratio=file_policy.ARCHIVE_MAX_RATIO,
            ),
            "archive_nested": lambda name: self.env._(
                "%(name)s: this archive holds archives nested too deep to be checked; "
                "attach their files directly.",
                name=name,
            ),
            "archive_unreadable": lambda name: self.env._(
                "%(name)s: this archive cannot be opened to check its content (damaged, "
                "protected by a password or packed in an unusual way).",
                name=name,
            ),
        }
        errors = []
        accepted = already
        for name, data in files:
            reason = file_policy.refusal_reason(
                name, data, limits["extensions"], limits["max_bytes"]
            )
            if not reason and accepted >= limits["max_files"]:
                reason = "count"
            if reason:
                errors.append((name, messages[reason](name)))
            else:
                accepted += 1
        return errors

    def _check_customer_upload(self, name, data):
        """Why a customer may not add this file to this ticket's chatter, or None."""
        self.ensure_one()
        if self._is_refused_by_lock():
            return self._locked_message()
        errors = self._check_customer_files([(name, data)], company=self.company_id)
        return errors[0][1] if errors else None

    # ------------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------------
    @api.model
    def _mail_company(self, values):
        team = self.env["helpdesk.ticket.team"].sudo().browse(values.get("team_id") or [])
        return team.company_id or self.env.company

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """A new ticket by e-mail follows the rules of the portal: a sender the rules
        refuse gets a polite answer saying how to proceed, and no ticket."""
        route = super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )
        if not route or route[1]:
            return route
        email = email_normalize(message_dict.get("email_from") or "")
        partner = self.env["res.partner"]._find_ticket_sender(email)
        # mail runs the gateway as the user with the sender's address, and guesses the
        # author: an address several contacts share is nobody's (the ticket must not go
        # to whichever company took it), so neither that user nor that author.
        message_dict["author_id"] = partner.id or False
        user = self.env["res.users"].sudo().browse(route[3]).exists()
        if user and user.partner_id != partner:
            route = (route[0], route[1], route[2], self.env.uid, route[4])
        company = self._mail_company(route[2] or {})
        lang = partner.lang or company.partner_id.lang or self.env.lang
        refusal = self.with_context(lang=lang)._customer_refusal(
            partner, email, company, door="email"
        )
        if not refusal:
            return route
        _logger.info(
            "Mail gateway: no ticket for the message %s: %s",
            message_dict.get("message_id"),
            refusal,
        )
        self.with_context(lang=lang)._send_mail_refusal(message, message_dict, refusal, company)
        return False

    @api.model
    def _is_automatic_email(self, message=None, message_dict=None):
        """Whether the e-mail being processed was sent by a machine (RFC 3834): it gets
        no automatic answer. Read by ``mail.thread.message_parse`` into the parsed
        message, then carried in the context (see ``mail_thread``)."""
        if message_dict and "is_automatic" in message_dict:
            return message_dict["is_automatic"]
        if AUTOMATIC_CONTEXT in self.env.context:
            return self.env.context[AUTOMATIC_CONTEXT]
        if message is not None and message_dict is not None:
            return self.env["mail.thread"]._is_automatic_email(message, message_dict)
        return False

    @api.model
    def _send_mail_refusal(self, message, message_dict, reason, company):
        """Answer an e-mail that opened no ticket: never an automatic one (RFC 3834), at
        most once an hour per address, marked as an automatic answer, and without a word
        of what it said (a spoofed sender must not make us relay someone's text)."""
        email = email_normalize(message_dict.get("email_from") or "")
        if not email or self._is_automatic_email(message, message_dict):
            return
        if not self.env["helpdesk.ticket.auto.answer"]._reserve(email, "refusal"):
            _logger.info("Mail gateway: %s already had an automatic answer this hour", email)
            return
        body = self.env["ir.qweb"]._render(
            "customer_portal_tickets.mail_ticket_refused",
            {"reason": reason, "company": company},
            minimal_qcontext=True,
        )
        self.env["mail.mail"].sudo().create(
            {
                "subject": self.env._("Your message did not open a ticket"),
                "body_html": body,
                "email_from": company.partner_id.email_formatted or company.email,
                "email_to": email,
                "references": message_dict.get("message_id"),
                "headers": repr(AUTO_REPLY_HEADERS),
                "auto_delete": True,
            }
        )

    @api.model
    def message_new(self, msg, custom_values=None):
        """A ticket opened by e-mail: its contact found from the sender's address, the
        same rules as the portal, the acknowledgment."""
        values = dict(custom_values or {})
        email = email_normalize(msg.get("email_from") or "")
        partner = self.env["res.partner"]._find_ticket_sender(email)
        customer_check = not self.env.user.share  # a portal user's is checked by create()
        if customer_check:
            # Reached with a refused sender only when the message was routed without an
            # alias (no polite answer is possible there).
            self._check_customer_may_create(
                partner, email, self._mail_company(values), door="email"
            )
        subject = clean_text(msg.get("subject")).strip() or self.env._("No Subject")
        if len(subject) > SUBJECT_MAX:
            subject = subject[: SUBJECT_MAX - 1] + "…"
        body = clean_text(msg.get("body"))
        text = html2plaintext(body) if not is_html_empty(body) else ""
        if not text.strip():
            body = plaintext2html(subject)
        elif len(text) > DESCRIPTION_MAX:
            body = plaintext2html(text[: DESCRIPTION_MAX - 1] + "…")
        # The E-mail channel may have been deleted by a manager: no channel then (OCA's).
        channel = cached_ref(self.env, EMAIL_CHANNEL, raise_if_not_found=False)
        values.update(
            {
                "name": subject,
                "description": body,
                "partner_id": partner.id or False,
                "channel_id": channel.id if channel else False,
            }
        )
        if not partner:
            names = email_split_tuples(clean_text(msg.get("email_from")))
            values["partner_name"] = (names[0][0] if names else "") or email
        # helpdesk_mgmt subscribes the contacts in copy: only the customer's own (and staff).
        msg = dict(msg, cc=self._followable_emails(msg.get("cc"), partner.commercial_partner_id))
        ticket = super().message_new(msg, custom_values=values)
        if customer_check:
            ticket._customer_ticket_created()
        if self._is_automatic_email():
            # No acknowledgment to a machine (RFC 3834): it would answer it.
            ticket.sudo().acknowledgment_pending = False
        return ticket

    def message_update(self, msg_dict, update_vals=None):
        """A reply by e-mail into the ticket's thread. Its From: proves nothing: only a
        contact of the ticket's customer (or, on a ticket without contact, its address)
        writes as the customer. Anyone else (another company's contact, an unknown or
        shared address, a staff address: staff answer from the backend) becomes no
        follower and reaches no customer: the message is kept as an internal note for
        the support team, without author. The resolved lock and the file rules apply to
        every e-mail alike (``message_post``)."""
        self.ensure_one()
        email = email_normalize(msg_dict.get("email_from") or "")
        sender = self.env["res.partner"]._find_ticket_sender(email)
        if self._is_customer_sender(sender, email):
            # On a ticket without contact, the address is the customer: nobody to follow.
            msg_dict["author_id"] = sender.id if self.partner_id else False
        else:
            note = Markup("<p><i>%s</i></p>") % self.env._(
                "E-mail from %(email)s, who is not a contact of this ticket's customer: "
                "kept for the support team, not shown to the customer.",
                email=clean_text(msg_dict.get("email_from")) or email,
            )
            msg_dict.update(
                {
                    "author_id": False,
                    "is_internal": True,
                    "body": note + Markup(clean_text(msg_dict.get("body") or "")),
                    # The mail gateway notifies the author of the message a note answers
                    # ("a private answer"): a stranger would reach the customer so.
                    "parent_id": False,
                }
            )
        # helpdesk_mgmt subscribes the contacts in To and Cc: only the customer's own.
        customer = self.commercial_partner_id
        msg = dict(
            msg_dict,
            to=self._followable_emails(msg_dict.get("to"), customer),
            cc=self._followable_emails(msg_dict.get("cc"), customer),
        )
        return super().message_update(msg, update_vals=update_vals)

    def _is_customer_sender(self, sender, email):
        """Whether an e-mail from ``email`` (its contact ``sender``, if one) comes from
        this ticket's customer: a contact of its company, or one the portal rule lets
        read it (in copy, or of a company put in copy)."""
        self.ensure_one()
        if not self.partner_id:
            return bool(email) and email == email_normalize(self.partner_email or "")
        if not sender or sender._is_support_staff():
            return False
        readers = self.sudo().portal_partner_ids
        return sender.commercial_partner_id == self.commercial_partner_id or bool(
            (sender | sender.commercial_partner_id) & readers
        )

    @api.model
    def _followable_emails(self, text, customer):
        """The addresses of ``text`` (To, Cc) that may follow a ticket of ``customer``
        (a commercial partner, maybe empty): its contacts and staff, no one else."""
        kept = []
        Partner = self.env["res.partner"]
        for address in email_split_and_format(text or ""):
            partner = Partner._find_ticket_sender(address)
            if partner and (
                (customer and partner.commercial_partner_id == customer)
                or partner._is_support_staff()
            ):
                kept.append(address)
        return ",".join(kept)

    # ------------------------------------------------------------------
    # Messages: resolved tickets take none from customers; their files are checked
    # ------------------------------------------------------------------
    def _is_locked_for_customers(self):
        """Whether customers may no longer write on this ticket: its stage is closed
        (resolved on the portal). What it still takes: ``_customer_lock_exemptions``."""
        self.ensure_one()
        return self.stage_id.closed

    def _customer_lock_exemptions(self):
        """The one list of what a resolved ticket still takes, by name: each door that
        applies the lock (``message_post``, hence the chatter, JSON-RPC, XML-RPC and the
        mail gateway; ``_message_update_content``; the chatter's upload route) asks
        ``_is_exempt_from_lock``. Everything else a customer's request posts is refused.

        - ``staff``: a staff user (or the system user) writing from the backend, notes and
          answers alike; not an e-mail (the mail gateway runs as the system user too);
        - ``system``: the system's own note, posted by server code through
          ``_as_server_post("system")`` while a customer's request resolves the ticket:
          the note that a technician's running timer was stopped;
        - ``rating``: the customer's rating of the resolution, posted (or updated, when
          the feedback is sent again) by ``rating_apply`` for a rating of this ticket,
          which the rating routes found by its token (customer_portal_technician).
        """
        self.ensure_one()
        return {
            "staff": lambda kwargs: not self.env.user.share
            and not self.env.context.get("from_alias"),
            "system": lambda kwargs: self._server_post_kind() == "system",
            "rating": lambda kwargs: self._server_post_kind() == "rating",
        }

    def _is_exempt_from_lock(self, kwargs=None):
        """The name of the exemption that lets this post (``kwargs`` of message_post) into
        a resolved ticket, or None."""
        kwargs = kwargs or {}
        for name, applies in self._customer_lock_exemptions().items():
            if applies(kwargs):
                return name
        return None

    def _is_refused_by_lock(self, kwargs=None):
        """Whether the resolved lock refuses this post or edit."""
        return self._is_locked_for_customers() and not self._is_exempt_from_lock(kwargs)

    def _is_customer_message(self, kwargs):
        """A message from the customer's side: anything a portal user posts (whatever
        type it claims), and every e-mail received, whoever its From: claims to be (an
        address proves nothing; staff answer from the backend)."""
        if self.env.user.share:
            return True
        return bool(self.env.context.get("from_alias"))

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        if len(self) == 1 and self.env.context.get("from_alias"):
            # What arrives by e-mail is cleaned whoever sent it: PostgreSQL refuses NUL.
            kwargs = self._clean_email_values(kwargs)
        refused = []
        if len(self) == 1 and self._is_customer_message(kwargs):
            if self._is_refused_by_lock(kwargs):
                # Only the mail gateway (as the system user) posts e-mails: a customer
                # who says from_alias in its context gets the error, not an auto-reply.
                if self.env.context.get("from_alias") and not self.env.user.share:
                    # An e-mail reply: the mail gateway gets no error, the sender a
                    # polite answer, and the ticket nothing.
                    self._send_locked_auto_reply(kwargs)
                    return self.env["mail.message"]
                raise UserError(self._locked_message())
            body = kwargs.get("body")
            if body:
                cleaned = clean_text(body)
                kwargs["body"] = Markup(cleaned) if isinstance(body, Markup) else cleaned
            if kwargs.get("attachments"):
                kwargs["attachments"], refused = self._filter_customer_attachments(
                    kwargs["attachments"]
                )
                if refused and not self.env.context.get("from_alias"):
                    raise UserError("\n".join(message for _name, message in refused))
            if kwargs.get("attachment_ids"):
                self._check_customer_attachment_records(kwargs["attachment_ids"])
        message = super().message_post(**kwargs)
        if refused:
            self._post_refused_files(refused, internal=bool(kwargs.get("is_internal")))
        return message

    def _message_update_content(self, message, body, attachment_ids=None, **kwargs):
        """A customer edits its message: not on a resolved ticket (but the rating of its
        resolution, see ``_customer_lock_exemptions``), and the same text and file rules
        as a new one."""
        if self.env.user.share:
            self.ensure_one()
            if self._is_refused_by_lock(kwargs):
                raise UserError(self._locked_message())
            if body:
                body = Markup(clean_text(body)) if isinstance(body, Markup) else clean_text(body)
            if attachment_ids:
                self._check_customer_attachment_records(attachment_ids)
        result = super()._message_update_content(
            message, body, attachment_ids=attachment_ids, **kwargs
        )
        # A message edited or deleted may change who the ticket waits for.
        waiting = self.id in self._waiting_for_customer_ids(self.ids)
        if self.is_waiting_for_customer != waiting:
            self.sudo().is_waiting_for_customer = waiting
        return result

    def _check_customer_attachment_records(self, attachment_ids):
        """Files a customer uploaded anywhere (another document's chatter, say) and now
        adds to this ticket follow the ticket's file rules."""
        attachments = self.env["ir.attachment"].sudo().browse(attachment_ids).exists()
        refused = self._check_customer_files(
            [(attachment.name or "", attachment.raw or b"") for attachment in attachments],
            company=self.company_id,
        )
        if refused:
            raise UserError("\n".join(message for _name, message in refused))

    @api.model
    def _clean_email_values(self, kwargs):
        """An incoming e-mail's subject, body and file names without control characters."""
        kwargs = dict(kwargs)
        for key in ("subject", "email_from"):
            if kwargs.get(key):
                kwargs[key] = clean_text(kwargs[key])
        body = kwargs.get("body")
        if body:
            kwargs["body"] = (
                Markup(clean_text(body)) if isinstance(body, Markup) else clean_text(body)
            )
        if kwargs.get("attachments"):
            kwargs["attachments"] = [
                (clean_text(name) or "file", *rest) for name, *rest in kwargs["attachments"]
            ]
        return kwargs

    def _filter_customer_attachments(self, attachments):
        """The (name, content[, info]) attachments of a customer's message that the file
        rules accept, and (name, message) for the others."""
        files = [
            (name, content.encode() if isinstance(content, str) else content)
            for name, content, *_info in attachments
        ]
        refused = self._check_customer_files(files, company=self.company_id)
        names = {name for name, _message in refused}
        kept = [attachment for attachment in attachments if attachment[0] not in names]
        return kept, refused

    def _post_refused_files(self, refused, internal=False):
        """Tell, on the ticket, which files of an e-mail were not added and why (in a note
        when the e-mail was kept for the support team)."""
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("These files of the e-mail were not added to the ticket:"),
            Markup().join(Markup("<li>%s</li>") % message for _name, message in refused),
        )
        self.sudo().with_context(from_alias=False).message_post(
            body=body,
            message_type="notification",
            subtype_xmlid="mail.mt_note" if internal else "mail.mt_comment",
        )

    def _can_customer_reopen(self):
        """Within the reopen window (days after closing, 0 = never) of the ticket's
        company a resolved ticket can be reopened by the customer."""
        self.ensure_one()
        days = (self.company_id or self.env.company).portal_ticket_reopen_days
        if not (self._is_locked_for_customers() and days > 0):
            return False
        closed = self.closed_date or self.last_stage_update
        return bool(closed) and fields.Datetime.now() - closed <= timedelta(days=days)

    def _reopen_by_customer(self, partner):
        """Reopen the ticket for ``partner``; raises outside the reopen window."""
        self.ensure_one()
        if not self._can_customer_reopen():
            raise UserError(
                self.env._(
                    "Ticket %(number)s can no longer be reopened: create a follow-up ticket.",
                    number=self.number,
                )
            )
        stage = self.team_id._get_applicable_stages().filtered(
            lambda s: s.portal_state == "in_progress"
        )[:1]
        if not stage:
            return False
        self.sudo().write({"stage_id": stage.id, "closed_date": False})
        self.sudo().message_post(
            body=self.env._("Reopened by %(name)s from the portal.", name=partner.name),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _locked_message(self):
        if self.portal_state == "rejected":
            return self.env._(
                "Ticket %(number)s was rejected: it takes no more messages. Create a "
                "follow-up ticket from its page on the portal, quoting %(number)s.",
                number=self.number,
            )
        if self.portal_state == "cancelled":
            return self.env._(
                "Ticket %(number)s was cancelled: it takes no more messages. Create a "
                "follow-up ticket from its page on the portal, quoting %(number)s.",
                number=self.number,
            )
        return self.env._(
            "Ticket %(number)s is resolved: it takes no more messages. Create a follow-up "
            "ticket from its page on the portal, quoting %(number)s.",
            number=self.number,
        )

    def _send_locked_auto_reply(self, kwargs):
        """Answer an e-mail reply the resolved lock kept off the ticket: never an
        automatic one (RFC 3834), at most once an hour per address, marked as automatic,
        to the bare address (its display name is the sender's text), without layout (it
        would show the ticket's subject) and without access token."""
        template = cached_ref(
            self.env, "customer_portal_tickets.mail_template_ticket_locked", False
        )
        if not template or self._is_automatic_email():
            return
        author = self.env["res.partner"].browse(kwargs.get("author_id")).exists()
        email = email_normalize(kwargs.get("email_from") or "") or author.email_normalized
        if not email or not self.env["helpdesk.ticket.auto.answer"]._reserve(email, "locked"):
            return
        lang = author.lang or self.company_id.partner_id.lang or self.env.lang
        template.sudo().with_context(lang=lang).send_mail(
            self.id,
            email_values={
                "email_to": email,
                "recipient_ids": [],
                "auto_delete": True,
                "headers": repr(AUTO_REPLY_HEADERS),
            },
        )


def _normalize_subject(text):
    return " ".join(re.findall(r"\w+", (text or "").lower()))
