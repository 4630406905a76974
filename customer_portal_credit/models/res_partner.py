from odoo import api, fields, models
from odoo.osv import expression

from ..tools.duration import format_hours


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_credit_alert_sent = fields.Boolean(
        copy=False,
        help="The low-credit alert went out; it is not sent again until the credit is " "refilled.",
    )
    service_credit_remaining = fields.Float(
        string="Service Credit Left (hours)", compute="_compute_service_credit"
    )
    service_credit_total = fields.Float(
        string="Service Credit Bought (hours)", compute="_compute_service_credit"
    )

    @api.depends_context("uid")
    def _compute_service_credit(self):
        for partner in self:
            remaining, total = partner._service_credit_balance()
            partner.service_credit_remaining = remaining
            partner.service_credit_total = total

    def _service_credit_pack_domain(self, include_expired=False):
        """Confirmed service-credit order lines of this partner's company."""
        self.ensure_one()
        domain = [
            ("is_service_credit", "=", True),
            ("state", "=", "sale"),
            ("service_credit_partner_id", "=", self.commercial_partner_id.id),
        ]
        if not include_expired:
            today = fields.Date.context_today(self)
            domain = expression.AND(
                [
                    domain,
                    [
                        "|",
                        ("service_credit_expiry_date", "=", False),
                        ("service_credit_expiry_date", ">=", today),
                    ],
                ]
            )
        return domain

    def _service_credit_packs(self, include_expired=False):
        """The packs of this partner's company, oldest first (the order they are used)."""
        self.ensure_one()
        return (
            self.env["sale.order.line"]
            .sudo()
            .search(
                self._service_credit_pack_domain(include_expired),
                order="service_credit_order_date asc, id asc",
            )
        )

    def _has_bought_service_credit(self):
        self.ensure_one()
        return bool(
            self.env["sale.order.line"]
            .sudo()
            .search_count(self._service_credit_pack_domain(include_expired=True), limit=1)
        )

    def _service_credit_balance(self):
        """(hours left, hours bought) of the packs that have not expired: derived from the
        order lines and their timesheets, never kept in a counter."""
        self.ensure_one()
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                self._service_credit_pack_domain(),
                [],
                ["remaining_hours:sum", "service_credit_hours:sum"],
            )
        )
        remaining, total = groups[0] if groups else (0.0, 0.0)
        return remaining or 0.0, total or 0.0

    def _service_credit_check_alert(self):
        """Send the low-credit alert once when the balance reaches the threshold: an
        e-mail to the billing contact and an activity for the salesperson."""
        template = self.env.ref("customer_portal_credit.mail_template_service_credit_low")
        for company in self.commercial_partner_id.sudo():
            if company.service_credit_alert_sent or not company._has_bought_service_credit():
                continue
            remaining, _total = company._service_credit_balance()
            threshold = (company.company_id or self.env.company).service_credit_alert_hours
            if remaining > threshold:
                continue
            company.service_credit_alert_sent = True
            billing = self.browse(company.address_get(["invoice"])["invoice"])
            template.with_context(lang=billing.lang or company.lang).send_mail(
                company.id, email_values={"recipient_ids": [(6, 0, billing.ids)]}
            )
            salesperson = company.user_id or company._service_credit_packs()[-1:].order_id.user_id
            if salesperson:
                # Written in the salesperson's language, whoever logged the time.
                in_lang = company.with_context(lang=salesperson.lang)
                in_lang.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=salesperson.id,
                    summary=in_lang.env._(
                        "Service credit low: %(hours)s left", hours=format_hours(remaining)
                    ),
                    note=in_lang.env._(
                        "%(customer)s has %(hours)s of service credit left. Offer a top-up.",
                        customer=company.name,
                        hours=format_hours(remaining),
                    ),
                )

    def _service_credit_labels(self):
        """The balance as customers read it, for the alert e-mail."""
        self.ensure_one()
        remaining, total = self._service_credit_balance()
        return {"remaining": format_hours(remaining), "total": format_hours(total)}

    def action_view_service_credit(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_portal_credit.service_credit_pack_action"
        )
        action["domain"] = [("service_credit_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action
