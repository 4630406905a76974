"""The trust boundary, swept from the registry: what a customer (a portal user) can reach
through JSON-RPC, whatever the portal pages show.

(a) every model on which an access right opens something to portal or public users has a
    record rule for them, or a reason on the allow-list below;
(b) a customer of company A, with company B's ticket, SLA lines, time entries, remote
    session, rating, credit pack, signature, files, messages and subscription present,
    gets nothing of B from search_read, read_group, web_read_group, web_read (through
    relations), name_search and search_count over /web/dataset/call_kw;
(c) every field a portal user can read on the ticket and its related models is on the
    allow-list below or carries ``groups``.

A model or a field added later (by us or by a module installed later) fails here until
someone decides, with a reason, that customers may read it."""

import base64
import io
import json

from helpers import suite_case
from PIL import Image

from odoo.addons.customer_portal_technician.tests.common import TechnicianCase

# (a) Models portal or public users have a right on with no record rule for them, and why
# that is fine.
NO_RULE_NEEDED = {
    "bus.presence": "Odoo's online/away status of users (the chat's presence), nothing else",
    "mail.message": "no ir.rule by design: mail.message checks each message against its "
    "document's rules in Python (_check_access, _search); part (b) proves it",
    "mail.message.subtype": "reference data: the names of message kinds",
    "payment.method": "reference data: the payment methods offered, with their logos",
    "project.tags": "labels only (name, colour)",
    "res.country": "reference data",
    "res.country.group": "reference data",
    "res.country.state": "reference data",
    "res.currency": "reference data",
    "res.lang": "reference data",
    "res.partner.autocomplete.sync": "deprecated by Odoo (nothing writes it since DnB); "
    "holds no more than a partner and a flag",
    "res.users.apikeys.description": "transient wizard: Odoo keeps transient records to "
    "their creator",
    "sale.subscription.stage": "the names of the subscription stages the page prints",
    "sale.subscription.template": "the plans' names and periodicity the subscription page "
    "prints",
}

# (c) What a customer may read of each model, field by field (fields with ``groups`` it
# lacks are not listed: it cannot read them). A model it cannot read at all has no entry.
MAIL_THREAD = {
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_type_icon",
    "has_message",
    "message_has_error",
    "message_has_error_counter",
    "message_has_sms_error",
    "message_ids",
    "message_is_follower",
    "message_needaction",
    "message_needaction_counter",
    "website_message_ids",
}
PORTAL_MIXIN = {"access_token", "access_url", "access_warning"}
MAGIC = {"id", "display_name", "create_date", "create_uid", "write_date", "write_uid"}
READABLE = {
    # What the ticket page shows, or the customer typed, or drives its list and rules.
    "helpdesk.ticket": MAGIC
    | MAIL_THREAD
    | PORTAL_MIXIN
    | {
        "name",
        "number",
        "description",
        "solution",
        "active",
        "company_id",
        "partner_id",
        "partner_name",
        "partner_email",
        "email_cc",
        "commercial_partner_id",
        "cc_partner_ids",  # "En copie" on the page, set by the customer or staff
        "department_id",
        "department_name",
        "team_id",
        "user_id",  # "assigned to" on the page
        "stage_id",
        "closed",
        "closed_date",
        "last_stage_update",
        "assigned_date",
        "category_id",
        "channel_id",
        "priority",  # the list's default order (helpdesk_mgmt's _order)
        "sequence",  # idem
        "ticket_kind",
        "urgency",
        "software_product_id",
        "software_product_name",
        "support_star_level",
        "portal_state",
        "portal_state_sequence",  # the rank of portal_state: the list's group order
        "is_waiting_for_customer",
        "previous_ticket_id",
        # helpdesk_mgmt's form shows or hides elements by these for every reader of the
        # model: duplicates of its own tickets (the record rules filter them), the ids of
        # the team's members (the assignee's domain), the stage's "unattended" flag.
        "duplicate_id",
        "duplicate_ids",
        "duplicate_count",
        "duplicate_tracking_enabled",
        "user_ids",
        "unattended",
        # Computed with sudo: whether its own ticket's SLA is breached, whether the cells
        # still fit (helpdesk_mgmt_sla's form shows or hides elements by them).
        "sla_expired",
        "sla_fits",
        "sale_order_id",
        "invoice_id",
        "subscription_id",
        "first_response_date",  # when the team first answered: the customer got it
        "team_sla",  # the team counts deadlines: a flag, not the matrix
        "signature",
        "signature_requested",
        "signed_by",
        "signed_on",
        "remote_session_ids",
        "remote_session_count",
        "service_credit_hours",
        "total_hours",  # the time spent, as the ticket list prints it
        "allow_timesheet",
        "show_time_control",
        "duration_tracking",
        "rating_count",
        "rating_percentage_satisfaction",
        "positive_rate_percentage",
        "rating_status",
    },
    # The customer's own sessions; the session ID and the consent IP carry groups.
    "customer.portal.remote.session": MAGIC
    | {
        "ticket_id",
        "ticket_number",
        "company_id",
        "partner_id",
        "tool",
        "state",
        "consent_partner_id",
        "consent_date",
        "expiry_date",
        "connected_user_id",
        "connected_date",
        "ended_date",
    },
    # Its own orders' lines, as Odoo's order page shows them (sale's portal rule), and its
    # own credit packs.
    "sale.order.line": MAGIC
    | {
        "amount_invoiced",
        "amount_to_invoice",
        "analytic_distribution",
        "analytic_precision",
        "available_product_document_ids",
        "combo_item_id",
        "company_id",
        "company_price_include",
        "currency_id",
        "customer_lead",
        "discount",
        "display_type",
        "distribution_analytic_account_ids",
        "has_displayed_warning_upsell",
        "invoice_lines",
        "invoice_status",
        "is_configurable_product",
        "is_downpayment",
        "is_expense",
        "is_product_archived",
        "is_service",
        "is_service_credit",
        "linked_line_id",
        "linked_line_ids",
        "linked_virtual_id",
        "name",
        "order_id",
        "order_partner_id",
        "price_reduce_taxexcl",
        "price_reduce_taxinc",
        "price_subtotal",
        "price_tax",
        "price_total",
        "price_unit",
        "pricelist_item_id",
        "product_custom_attribute_value_ids",
        "product_document_ids",
        "product_id",
        "product_no_variant_attribute_value_ids",
        "product_packaging_id",
        "product_packaging_qty",
        "product_template_attribute_value_ids",
        "product_template_id",
        "product_type",
        "product_uom",
        "product_uom_category_id",
        "product_uom_qty",
        "product_uom_readonly",
        "product_updatable",
        "project_id",
        "qty_delivered",
        "qty_delivered_method",
        "qty_invoiced",
        "qty_invoiced_posted",
        "qty_to_invoice",
        "reached_milestones_ids",
        "remaining_hours",
        "remaining_hours_available",
        "sale_order_option_ids",
        "salesman_id",
        "selected_combo_items",
        "sequence",
        "service_credit_expiry_date",
        "service_credit_hours",
        "service_credit_order_date",
        "service_credit_partner_id",
        "service_tracking",
        "state",
        "task_id",
        "tax_calculation_rounding_method",
        "tax_country_id",
        "tax_id",
        "technical_price_unit",
        "untaxed_amount_invoiced",
        "untaxed_amount_to_invoice",
        "virtual_id",
    },
    # Messages of the documents it reads (mail.message's own checks); internal notes are
    # not shown (is_internal, subtype) by the portal chatter.
    "mail.message": MAGIC
    | {
        "account_audit_log_account_id",
        "account_audit_log_activated",
        "account_audit_log_company_id",
        "account_audit_log_move_id",
        "account_audit_log_partner_id",
        "account_audit_log_preview",
        "account_audit_log_tax_id",
        "attachment_ids",
        "author_avatar",
        "author_guest_id",
        "author_id",
        "body",
        "child_ids",
        "date",
        "email_add_signature",
        "email_from",
        "email_layout_xmlid",
        "has_error",
        "has_sms_error",
        "is_current_user_or_guest_author",
        "is_internal",
        "letter_ids",
        "mail_activity_type_id",
        "mail_server_id",
        "message_id",
        "message_type",
        "model",
        "needaction",
        "notification_ids",
        "notified_partner_ids",
        "parent_id",
        "partner_ids",
        "pinned_at",
        "preview",
        "rating_id",
        "rating_ids",
        "rating_value",
        "record_alias_domain_id",
        "record_company_id",
        "record_name",
        "reply_to",
        "reply_to_force_new",
        "res_id",
        "snailmail_error",
        "starred",
        "starred_partner_ids",
        "subject",
        "subtype_id",
    },
    # Its own subscriptions, as /my/subscriptions shows them.
    "sale.subscription": MAGIC
    | MAIL_THREAD
    | PORTAL_MIXIN
    | {
        "account_invoice_ids_count",
        "active",
        "amount_tax",
        "amount_total",
        "close_reason_id",
        "code",
        "color",
        "commercial_partner_id",
        "company_id",
        "crm_team_id",
        "currency_id",
        "date",
        "date_start",
        "description",
        "fiscal_position_id",
        "image",
        "in_progress",
        "invoice_ids",
        "is_to_renew",
        "journal_id",
        "name",
        "partner_id",
        "payment_token_id",
        "portal_ticket_count",
        "pricelist_id",
        "recurring_next_date",
        "recurring_rule_boundary",
        "recurring_total",
        "sale_order_id",
        "sale_order_ids",
        "sale_order_ids_count",
        "sale_subscription_line_ids",
        "sequence",
        "stage_id",
        "stage_type",
        "support_star_level",
        "tag_ids",
        "template_id",
        "terms",
        "to_renew",
        "user_id",
    },
    "sale.subscription.line": MAGIC
    | {
        "amount_tax_line_amount",
        "analytic_distribution",
        "analytic_precision",
        "company_id",
        "currency_id",
        "discount",
        "distribution_analytic_account_ids",
        "name",
        "price_subtotal",
        "price_total",
        "price_unit",
        "product_id",
        "product_uom_qty",
        "sale_subscription_id",
        "tax_ids",
    },
}
# The ticket and the models around it that part (b) and (c) look at. SLA lines, the SLA
# matrix, time entries, ratings, files and followers: customers read none of them (their
# pages read what they show with sudo), so they have no entry in READABLE.
RELATED = (
    "helpdesk.ticket",
    "helpdesk.ticket.sla",
    "helpdesk.sla",
    "account.analytic.line",
    "customer.portal.remote.session",
    "rating.rating",
    "sale.order.line",
    "ir.attachment",
    "mail.message",
    "mail.followers",
    "sale.subscription",
    "sale.subscription.line",
)
# (b) A field to group by, per model: what a customer would group by to list records.
GROUP_BY = {
    "helpdesk.ticket": "partner_id",
    "helpdesk.ticket.sla": "ticket_id",
    "helpdesk.sla": "name",
    "account.analytic.line": "ticket_id",
    "customer.portal.remote.session": "ticket_id",
    "rating.rating": "partner_id",
    "sale.order.line": "order_id",
    "ir.attachment": "res_id",
    "mail.message": "res_id",
    "mail.followers": "partner_id",
    "sale.subscription": "partner_id",
    "sale.subscription.line": "sale_subscription_id",
}
B_SECRET = "Zyxbeta"  # in every text of company B's records


@suite_case("post_install")
class TestTrustBoundary(TechnicianCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b.name = f"Beta Logistique {B_SECRET}"
        cls.contact_b.name = f"Contact {B_SECRET}"
        cls.ticket_a = cls._ticket(cls.contact_a, "Carte vide", ticket_kind="service")
        cls.ticket_b = cls._ticket(
            cls.contact_b,
            f"Ticket {B_SECRET}",
            ticket_kind="service",
            urgency="critical",
            support_star_level="4",
            notes=f"<p>Internal {B_SECRET}</p>",
            signature_requested=True,
        )
        cls.ticket_b.write({"signature": base64.b64encode(cls._png()), "signed_by": B_SECRET})
        cls.pack_b = cls._pack(cls.contact_b)
        cls.pack_a = cls._pack(cls.contact_a)
        cls.time_b = cls._log_as(cls.ticket_b, f"Remark {B_SECRET}")
        cls.time_a = cls._log_as(cls.ticket_a, "Remarque interne sur alpha")
        Session = cls.env["customer.portal.remote.session"]
        cls.session_b = Session.create(
            {"ticket_id": cls.ticket_b.id, "tool": "anydesk", "session_code": "482193507"}
        )
        cls.rating_b = cls.env["rating.rating"].create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": cls.ticket_b.id,
                "partner_id": cls.contact_b.id,
                "rating": 1,
                "consumed": True,
                "feedback": f"Feedback {B_SECRET}",
            }
        )
        cls.message_b = cls.ticket_b.with_user(cls.technician).message_post(
            body=f"Reply {B_SECRET}",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[(f"{B_SECRET}.txt", f"File {B_SECRET}".encode())],
        )
        cls.ticket_a.with_user(cls.technician).message_post(
            body="Réponse à alpha",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("alpha.txt", b"alpha")],
        )
        cls.subscription_b = cls.env["sale.subscription"].search(
            [("partner_id", "=", cls.company_b.id)]
        )
        cls.subscription_b.description = f"Plan {B_SECRET}"
        cls.env.flush_all()
        cls.b_records = {
            "helpdesk.ticket": cls.ticket_b.ids,
            "helpdesk.ticket.sla": cls.ticket_b.ticket_sla_ids.ids,
            # The matrix is no company's: customers read none of it.
            "helpdesk.sla": cls.env["helpdesk.sla"].search([]).ids,
            "account.analytic.line": cls.time_b.ids,
            "customer.portal.remote.session": cls.session_b.ids,
            "rating.rating": cls.rating_b.ids,
            "sale.order.line": (cls.pack_b | cls.subscription_b.sale_order_ids.order_line).ids,
            "ir.attachment": cls.message_b.attachment_ids.ids,
            "mail.message": cls.ticket_b.message_ids.ids,
            "mail.followers": cls.ticket_b.message_follower_ids.ids,
            "sale.subscription": cls.subscription_b.ids,
            "sale.subscription.line": cls.subscription_b.sale_subscription_line_ids.ids,
        }
        # B's data is there: otherwise the sweep proves nothing.
        for model, ids in cls.b_records.items():
            assert ids, f"no {model} of company B to look for"
        assert not (cls.ticket_a.message_partner_ids & cls.company_b.child_ids), "B follows A"

    @staticmethod
    def _png():
        buffer = io.BytesIO()
        Image.new("RGB", (120, 40), "white").save(buffer, format="PNG")
        return buffer.getvalue()

    @classmethod
    def _log_as(cls, ticket, description):
        return (
            cls.env["account.analytic.line"]
            .with_user(cls.technician)
            .create(
                {
                    "name": description,
                    "ticket_id": ticket.id,
                    "project_id": ticket.project_id.id,
                    "unit_amount": 1.5,
                }
            )
        )

    # JSON-RPC ------------------------------------------------------------------
    def _call(self, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` over /web/dataset/call_kw as the logged-in
        user: (result, None), or (None, error) when the call is refused."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, f"{model}.{method}: {response.text[:300]}")
        answer = response.json()
        if "error" in answer:
            name = answer["error"].get("data", {}).get("name", "")
            # Refused (counts as nothing of B), not broken.
            self.assertTrue(
                name.endswith(("AccessError", "MissingError")),
                f"{model}.{method} failed instead of refusing: {answer['error']['message']}",
            )
            return None, answer["error"]
        return answer["result"], None

    def _assert_nothing_of_b(self, model, method, result):
        text = json.dumps(result, default=str)
        self.assertNotIn(B_SECRET, text, f"{model}.{method} gives company B's data: {text[:300]}")
        ids = set()
        if method in ("search_read", "web_read", "web_search_read"):
            records = result["records"] if isinstance(result, dict) else result
            ids = {record["id"] for record in records}
        elif method == "name_search":
            ids = {pair[0] for pair in result}
        elif method == "search":
            ids = set(result)
        self.assertFalse(
            ids & set(self.b_records[model]), f"{model}.{method} gives B's records {ids}"
        )

    # (a) -------------------------------------------------------------------------
    def test_a_every_model_open_to_customers_has_a_rule_or_a_reason(self):
        share = self.env.ref("base.group_portal") | self.env.ref("base.group_public")
        acls = (
            self.env["ir.model.access"]
            .sudo()
            .search([("group_id", "in", [False, *share.ids])])
            .filtered(lambda a: a.perm_read or a.perm_write or a.perm_create or a.perm_unlink)
        )
        self.assertTrue(acls, "the sweep finds no portal access right at all")
        rules = self.env["ir.rule"].sudo().search([])
        missing = []
        for model in sorted(set(acls.model_id.mapped("model"))):
            if model in NO_RULE_NEEDED:
                continue
            granted = acls.filtered(lambda a, model=model: a.model_id.model == model)
            # A rule counts for the operations it covers: one on writing only leaves
            # reading open (mail.notification).
            for perm in ("perm_read", "perm_write", "perm_create", "perm_unlink"):
                if not any(granted.mapped(perm)):
                    continue
                applying = rules.filtered(
                    lambda r, model=model, perm=perm: r.model_id.model == model
                    and r[perm]
                    and (r["global"] or r.groups & share)
                )
                if not applying:
                    missing.append(f"{model} {perm} ({', '.join(granted.mapped('name'))})")
        self.assertFalse(
            missing,
            "portal or public users have rights on these models with no record rule for "
            "them: add a rule, take the right away, or give a reason in NO_RULE_NEEDED:\n"
            + "\n".join(missing),
        )

    def test_a_allow_list_has_no_stale_entry(self):
        """A reason for a model nobody opens to customers any more goes."""
        share = self.env.ref("base.group_portal") | self.env.ref("base.group_public")
        opened = set(
            self.env["ir.model.access"]
            .sudo()
            .search([("group_id", "in", [False, *share.ids])])
            .filtered(lambda a: a.perm_read or a.perm_write or a.perm_create or a.perm_unlink)
            .model_id.mapped("model")
        )
        self.assertFalse(set(NO_RULE_NEEDED) - opened)

    # (b) -------------------------------------------------------------------------
    def test_b_a_customer_gets_nothing_of_another_company(self):
        self.authenticate("alpha", "alphaxxx")
        for model in RELATED:
            b_ids = self.b_records[model]
            group_by = GROUP_BY[model]
            calls = [
                ("search_read", ([],), {}),
                ("search_read", ([("id", "in", b_ids)],), {}),
                ("search", ([],), {}),
                ("search_count", ([("id", "in", b_ids)],), {}),
                ("name_search", (), {"name": ""}),
                ("name_search", (), {"name": B_SECRET}),
                ("read", (b_ids,), {}),
                ("web_read", (b_ids,), {"specification": {"display_name": {}}}),
                ("read_group", ([], ["__count"], [group_by]), {"lazy": False}),
                ("web_read_group", ([], ["__count"], [group_by]), {"lazy": False}),
                (
                    "web_search_read",
                    ([],),
                    {"specification": {"display_name": {}, group_by: {}}},
                ),
            ]
            for method, args, kwargs in calls:
                with self.subTest(model=model, method=method, args=args):
                    result, _error = self._call(model, method, *args, **kwargs)
                    if result is None:
                        continue
                    if method == "search_count":
                        self.assertEqual(result, 0, f"{model}: B's records counted")
                    else:
                        self._assert_nothing_of_b(model, method, result)

    def test_b_reading_its_own_ticket_through_relations_gives_nothing_of_b(self):
        self.authenticate("alpha", "alphaxxx")
        names = {"fields": {"display_name": {}}}
        specification = {
            "name": {},
            "partner_id": {
                "fields": {
                    "display_name": {},
                    "commercial_partner_id": {"fields": {"child_ids": names}},
                }
            },
            "stage_id": names,
            "team_id": names,
            "user_id": names,
            "remote_session_ids": {"fields": {"state": {}, "tool": {}}},
            "message_ids": {"fields": {"body": {}, "author_id": names}},
            "subscription_id": {"fields": {"display_name": {}, "sale_order_ids": names}},
        }
        result, error = self._call(
            "helpdesk.ticket", "web_read", [self.ticket_a.id], specification=specification
        )
        self.assertFalse(error and error["message"], "the customer reads its own ticket")
        self.assertEqual(result[0]["name"], "Carte vide")
        self._assert_nothing_of_b("helpdesk.ticket", "web_read", result)
        # Files of its messages: refused (portal users have no right on ir.attachment;
        # the page lists them) or nothing of B.
        result, error = self._call(
            "helpdesk.ticket",
            "web_read",
            [self.ticket_a.id],
            specification={"message_ids": {"fields": {"attachment_ids": names}}},
        )
        if not error:
            self._assert_nothing_of_b("helpdesk.ticket", "web_read", result)
        # What customers may not read is refused, not silently given, even on its ticket.
        for field, spec in {
            "sla_ids": names,
            "ticket_sla_ids": {"fields": {"deadline": {}, "sla_id": names}},
            "timesheet_ids": {"fields": {"name": {}, "amount": {}}},
        }.items():
            with self.subTest(field=field):
                result, error = self._call(
                    "helpdesk.ticket", "web_read", [self.ticket_a.id], specification={field: spec}
                )
                self.assertTrue(error, f"{field} of its ticket is readable: {result}")
        # The B ticket through the same specification: refused.
        result, error = self._call(
            "helpdesk.ticket", "web_read", [self.ticket_b.id], specification=specification
        )
        self.assertTrue(error, f"B's ticket read: {result}")

    def test_b_a_portal_read_of_its_own_ticket_works(self):
        """read() without fields (what a script does first) reads what it may read."""
        self.authenticate("alpha", "alphaxxx")
        result, error = self._call("helpdesk.ticket", "read", [self.ticket_a.id])
        message = error and error["message"]
        self.assertFalse(error, f"the customer cannot read its own ticket: {message}")
        self.assertEqual(result[0]["name"], "Carte vide")
        self.assertNotIn("notes", result[0])
        self.assertNotIn("sla_deadline", result[0])
        self._assert_nothing_of_b("helpdesk.ticket", "read", result)

    # (c) -------------------------------------------------------------------------
    def test_c_every_field_a_customer_reads_is_allowed(self):
        user = self.user_a
        unexpected = {}
        for model in RELATED:
            records = self.env[model].with_user(user)
            if not records.has_access("read"):
                self.assertNotIn(model, READABLE, f"{model} is not readable: drop its entry")
                continue
            readable = {
                name
                for name, field in records._fields.items()
                if not field.groups or user.has_groups(field.groups)
            }
            extra = readable - READABLE.get(model, set())
            if extra:
                unexpected[model] = sorted(extra)
        self.assertFalse(
            unexpected,
            "customers can read these fields: give them groups, or put them in READABLE "
            "with the reason a customer reads them: " + json.dumps(unexpected, indent=1),
        )

    def test_c_internal_ticket_fields_are_refused_over_json_rpc(self):
        self.authenticate("alpha", "alphaxxx")
        for field in (
            "notes",
            "planned_hours",
            "remaining_hours",
            "progress",
            "queue_deadline",
            "sla_deadline",
            "sla_ids",
            "ticket_sla_ids",
            "timesheet_ids",
            "kanban_state",
            "tag_ids",
            "properties",
            "impact",
        ):
            with self.subTest(field=field):
                result, error = self._call(
                    "helpdesk.ticket", "read", [self.ticket_a.id], fields=[field]
                )
                self.assertTrue(error, f"{field} read by the customer: {result}")

    # Time entries on the ticket page ----------------------------------------------
    def test_ticket_page_shows_time_without_descriptions(self):
        """helpdesk_mgmt_timesheet's table printed the technicians' remarks: the page
        shows date, duration and first name, as /my/credit does."""
        self._share_support_project_with_a()
        self.authenticate("alpha", "alphaxxx")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Remarque interne sur alpha", page.text)
        self.assertIn("o_ticket_time_line", page.text, "the time spent is shown")
        # The technician answered the customer: it is the ticket's assignee, named in
        # full as such; the time table gives its first name only.
        time_table = page.text.split('class="mb-4 mb-md-0 o_ticket_time"', 1)[1]
        time_table = time_table.split("</table>", 1)[0]
        self.assertIn("<td>Karim</td>", time_table)
        self.assertIn(">1 h 30</td>", time_table, "the duration as /my/credit writes it")
        self.assertNotIn("Karim Technicien", time_table)
        self.assertNotIn(B_SECRET, page.text)

    # One test per defect of issue 18 this file closes -------------------------------
    def _share_support_project_with_a(self):
        """The support project shared with A's contact (Odoo's project sharing switches
        hr_timesheet's portal right on time entries on): what the demo does."""
        self.project.privacy_visibility = "portal"
        self.project.message_subscribe(self.contact_a.ids)
        self.env["project.collaborator"].create(
            {"project_id": self.project.id, "partner_id": self.contact_a.id}
        )
        self.env.flush_all()

    def _refused(self, model, method, *args, **kwargs):
        result, error = self._call(model, method, *args, **kwargs)
        self.assertTrue(error, f"{model}.{method} answered the customer: {str(result)[:300]}")

    def test_sla_lines_are_read_by_no_customer(self):
        """Issue 18, 1: every company's SLA lines (numbers, subjects, deadlines) were
        returned; even its own ticket's are refused now (the page tells the dates)."""
        self.assertTrue(self.ticket_a.ticket_sla_ids, "A's ticket has SLA lines")
        self.authenticate("alpha", "alphaxxx")
        Sla = "helpdesk.ticket.sla"
        self._refused(Sla, "search_read", [], fields=["ticket_id", "deadline"])
        self._refused(Sla, "search_read", [("ticket_id", "=", self.ticket_a.id)])
        self._refused(Sla, "read_group", [], ["__count"], ["ticket_id"], lazy=False)
        self._refused(
            Sla, "web_read", self.ticket_a.ticket_sla_ids.ids, specification={"deadline": {}}
        )
        self._refused(Sla, "search_count", [])

    def test_sla_matrix_is_read_by_no_customer(self):
        """Issue 18, 2: all the cells of the SLA matrix were returned."""
        self.authenticate("alpha", "alphaxxx")
        self._refused("helpdesk.sla", "search_read", [], fields=["name", "hours"])
        self._refused("helpdesk.sla", "read_group", [], ["hours:sum"], ["urgency"], lazy=False)
        self._refused("helpdesk.sla", "name_search", name="")

    def test_time_entries_of_its_own_ticket_are_not_read_over_json_rpc(self):
        """Issue 18, 5: descriptions and costs of time entries, even of its own tickets,
        even when the support project is shared with the customer (project sharing)."""
        self._share_support_project_with_a()
        self.authenticate("alpha", "alphaxxx")
        Line = "account.analytic.line"
        domain = [("ticket_id", "=", self.ticket_a.id)]
        self._refused(Line, "search_read", domain, fields=["name", "amount", "employee_id"])
        self._refused(Line, "read", self.time_a.ids, fields=["name"])
        self._refused(Line, "read_group", domain, ["amount:sum"], ["employee_id"], lazy=False)
        self._refused(Line, "name_search", name="Remarque")
        self._refused("helpdesk.ticket", "read", [self.ticket_a.id], fields=["timesheet_ids"])
        self._refused("sale.order.line", "read", self.pack_a.ids, fields=["analytic_line_ids"])
        # Its pack itself stays readable (what /my/credit shows).
        result, error = self._call(
            "sale.order.line", "read", self.pack_a.ids, fields=["service_credit_hours"]
        )
        self.assertFalse(error)
        self.assertEqual(result[0]["service_credit_hours"], 10)

    def test_timesheets_page_lists_no_ticket_time(self):
        """Issue 18, 5, by hr_timesheet's door: /my/timesheets printed, descriptions
        included, every time entry of the shared support project, other companies'
        tickets too."""
        self._share_support_project_with_a()
        self.authenticate("alpha", "alphaxxx")
        page = self.url_open("/my/timesheets")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(B_SECRET, page.text)
        self.assertNotIn("Remarque interne sur alpha", page.text)
