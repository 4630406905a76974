from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_subscription.models.product_template import STAR_LEVELS
from odoo.exceptions import UserError

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
    portal_state = fields.Selection(
        related="stage_id.portal_state",
        store=True,
        string="Portal State",
    )

    is_waiting_for_customer = fields.Boolean(
        string="Waiting for the Customer",
        compute="_compute_is_waiting_for_customer",
        search="_search_is_waiting_for_customer",
        help="The last public message on the ticket comes from the support team.",
    )

    def _compute_is_waiting_for_customer(self):
        waiting = set(self._waiting_for_customer_ids(self.ids))
        for ticket in self:
            ticket.is_waiting_for_customer = ticket.id in waiting

    def _search_is_waiting_for_customer(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator, value)
        ids = self._waiting_for_customer_ids()
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    def _waiting_for_customer_ids(self, ticket_ids=None):
        """Tickets whose last public message (a comment or an e-mail, not a note) was
        written by an internal user."""
        self.env["mail.message"].flush_model()
        query = """
            SELECT last.res_id
              FROM (
                    SELECT DISTINCT ON (m.res_id) m.res_id, m.author_id
                      FROM mail_message m
                      JOIN mail_message_subtype st ON st.id = m.subtype_id
                     WHERE m.model = 'helpdesk.ticket'
                       AND m.message_type IN ('comment', 'email')
                       AND NOT COALESCE(st.internal, FALSE)
                       {ids}
                  ORDER BY m.res_id, m.id DESC
                   ) last
             WHERE EXISTS (
                    SELECT 1 FROM res_users u
                     WHERE u.partner_id = last.author_id AND NOT u.share
                   )
        """
        if ticket_ids is not None:
            if not ticket_ids:
                return []
            self.env.cr.execute(query.format(ids="AND m.res_id IN %s"), [tuple(ticket_ids)])
        else:
            self.env.cr.execute(query.format(ids=""))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"].sudo()
        for vals in vals_list:
            if vals.get("partner_id") and "support_star_level" not in vals:
                partner = Partner.browse(vals["partner_id"])
                vals["support_star_level"] = partner.commercial_partner_id.support_star_level
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Resolved tickets take no more messages from the customer
    # ------------------------------------------------------------------
    def _is_locked_for_customers(self):
        """Whether customers may no longer write on this ticket: it is resolved."""
        self.ensure_one()
        return self.portal_state == "resolved"

    def _is_customer_message(self, kwargs):
        """A message from the customer's side: posted by a portal or public user, or an
        e-mail received from someone who is not a staff user."""
        if kwargs.get("message_type", "notification") not in ("comment", "email"):
            return False
        if self.env.user.share:
            return True
        if self.env.context.get("from_alias"):
            author = self.env["res.partner"].browse(kwargs.get("author_id")).exists()
            return not author.user_ids.filtered(lambda u: not u.share)
        return False

    def message_post(self, **kwargs):
        if len(self) == 1 and self._is_locked_for_customers() and self._is_customer_message(kwargs):
            if self.env.context.get("from_alias"):
                # An e-mail reply: the mail gateway gets no error, the sender a polite
                # answer, and the ticket nothing.
                self._send_locked_auto_reply(kwargs)
                return self.env["mail.message"]
            raise UserError(self._locked_message())
        return super().message_post(**kwargs)

    def _can_customer_reopen(self):
        """Within the reopen window (days after closing, 0 = never) a resolved ticket can
        be reopened by the customer."""
        self.ensure_one()
        days = (
            self.company_id.portal_ticket_reopen_days or self.env.company.portal_ticket_reopen_days
        )
        if not (self._is_locked_for_customers() and days > 0):
            return False
        closed = self.closed_date or self.last_stage_update
        return bool(closed) and fields.Datetime.now() - closed <= timedelta(days=days)

    def _reopen_by_customer(self, partner):
        self.ensure_one()
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
        return self.env._(
            "Ticket %(number)s is resolved: it takes no more messages. Create a follow-up "
            "ticket from its page on the portal, quoting %(number)s.",
            number=self.number,
        )

    def _send_locked_auto_reply(self, kwargs):
        template = self.env.ref(
            "customer_portal_tickets.mail_template_ticket_locked", raise_if_not_found=False
        )
        if not template:
            return
        email_to = kwargs.get("email_from")
        author = self.env["res.partner"].browse(kwargs.get("author_id")).exists()
        template.sudo().with_context(lang=author.lang or self.partner_id.lang).send_mail(
            self.id,
            email_values={
                "email_to": email_to or author.email_formatted,
                "recipient_ids": [],
                "auto_delete": True,
            },
            email_layout_xmlid="mail.mail_notification_light",
        )
