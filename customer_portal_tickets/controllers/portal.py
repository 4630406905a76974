import base64
import difflib
import re
from datetime import timedelta
from operator import itemgetter

from odoo import fields, http
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.attachment import PortalAttachmentController
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv.expression import AND, OR
from odoo.tools import consteq, email_normalize, plaintext2html
from odoo.tools import groupby as groupbyelem

FORM_KINDS = ("incident", "service")
# Subjects at least this similar (0..1) to an open ticket's on the same product make the
# form ask "is it the same problem?".
DUPLICATE_SIMILARITY = 0.6


class TicketListPortal(CustomerPortalHelpdesk):
    """The ticket list of helpdesk_mgmt with the filters, sortings, group-bys and searches
    customers need. helpdesk_mgmt's sortings, group-bys and search inputs have hooks and
    are extended; its filters (one per stage) have none, so the list route is overridden
    and keeps helpdesk_mgmt's template."""

    def _ticket_get_searchbar_sortings(self):
        sortings = super()._ticket_get_searchbar_sortings()
        sortings["name"]["label"] = request.env._("Subject")
        sortings["number"] = {
            "label": request.env._("Reference"),
            "order": "number desc",
            "sequence": 5,
        }
        return sortings

    def _ticket_get_searchbar_filters(self):
        open_domain = [("closed", "=", False)]
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {"label": request.env._("Open"), "domain": open_domain},
            "closed": {"label": request.env._("Closed"), "domain": [("closed", "=", True)]},
            "assigned": {
                "label": request.env._("Assigned"),
                "domain": open_domain + [("user_id", "!=", False)],
            },
            "unassigned": {
                "label": request.env._("Not yet assigned"),
                "domain": open_domain + [("user_id", "=", False)],
            },
            "waiting": {
                "label": request.env._("Waiting for my reply"),
                "domain": open_domain + [("is_waiting_for_customer", "=", True)],
            },
        }

    def _ticket_get_searchbar_groupby(self):
        values = super()._ticket_get_searchbar_groupby()
        values["kind"] = {"input": "kind", "label": request.env._("Kind"), "order": 4}
        return dict(sorted(values.items(), key=lambda item: item[1]["order"]))

    def _ticket_get_groupby_mapping(self):
        return {**super()._ticket_get_groupby_mapping(), "kind": "ticket_kind"}

    def _ticket_get_searchbar_inputs(self):
        values = super()._ticket_get_searchbar_inputs()
        values["name"]["label"] = request.env._("Search in Subject and Description")
        values.update(
            {
                "message": {
                    "input": "message",
                    "label": request.env._("Search in Messages"),
                    "order": 4,
                },
                "partner": {
                    "input": "partner",
                    "label": request.env._("Search in Created by"),
                    "order": 5,
                },
                "stage": {"input": "stage", "label": request.env._("Search in Stage"), "order": 6},
            }
        )
        return dict(sorted(values.items(), key=lambda item: item[1]["order"]))

    def _ticket_get_search_domain(self, search_in, search):
        domains = [super()._ticket_get_search_domain(search_in, search)]
        if search_in in ("name", "all"):
            domains.append([("description", "ilike", search)])
        if search_in in ("stage", "all"):
            domains.append([("stage_id.name", "ilike", search)])
        if search_in in ("partner", "all"):
            domains.append([("partner_id.name", "ilike", search)])
        if search_in in ("message", "all"):
            # Public messages only: a customer never finds a ticket by an internal note.
            domains.append(
                [
                    (
                        "message_ids",
                        "any",
                        [
                            ("body", "ilike", search),
                            ("message_type", "in", ("comment", "email")),
                            ("subtype_id.internal", "=", False),
                        ],
                    )
                ]
            )
        return OR(domains)

    @http.route()
    def portal_my_tickets(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", groupby=None, **kw
    ):
        Ticket = request.env["helpdesk.ticket"]
        if not Ticket.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        searchbar_sortings = dict(
            sorted(self._ticket_get_searchbar_sortings().items(), key=lambda i: i[1]["sequence"])
        )
        searchbar_filters = self._ticket_get_searchbar_filters()
        searchbar_groupby = self._ticket_get_searchbar_groupby()
        searchbar_inputs = self._ticket_get_searchbar_inputs()
        sortby = sortby if sortby in searchbar_sortings else "date"
        filterby = filterby if filterby in searchbar_filters else "all"
        groupby = groupby if groupby in searchbar_groupby else "none"
        search_in = search_in if search_in in searchbar_inputs else "all"

        visible = request.env["ir.rule"]._compute_domain(Ticket._name, "read")
        domain = AND([searchbar_filters[filterby]["domain"], visible])
        if search:
            # Searched as superuser within the tickets the user may read: the customer
            # can search its colleagues' names and the public messages of its tickets.
            matching = Ticket.sudo()._search(
                AND([visible, self._ticket_get_search_domain(search_in, search)])
            )
            domain = AND([domain, [("id", "in", matching)]])
        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "groupby": groupby,
                "search": search,
                "search_in": search_in,
            },
            total=Ticket.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        order = self._ticket_get_order(searchbar_sortings[sortby]["order"], groupby)
        tickets = Ticket.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        group = self._ticket_get_groupby_mapping().get(groupby)
        if group:
            grouped_tickets = [
                Ticket.concat(*g) for _k, g in groupbyelem(tickets, itemgetter(group))
            ]
        else:
            grouped_tickets = [tickets] if tickets else []
        values.update(
            {
                "grouped_tickets": grouped_tickets,
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": searchbar_sortings,
                "searchbar_groupby": searchbar_groupby,
                "searchbar_inputs": searchbar_inputs,
                "searchbar_filters": searchbar_filters,
                "search_in": search_in,
                "search": search,
                "sortby": sortby,
                "groupby": groupby,
                "filterby": filterby,
            }
        )
        return request.render("helpdesk_mgmt.portal_my_tickets", values)


class TicketPortal(CustomerPortal):
    """The technical assistance page (/my/support), its incident and service-request
    forms, and the administrative request form routed by department."""

    # ------------------------------------------------------------------
    # Technical assistance page
    # ------------------------------------------------------------------
    def _support_get_products(self):
        """Supported software the user's company has: on a subscription in progress or a
        confirmed order."""
        company = request.env.user.partner_id.commercial_partner_id
        subscriptions = (
            request.env["sale.subscription"]
            .sudo()
            .search([("partner_id", "child_of", company.id), ("in_progress", "=", True)])
        )
        orders = (
            request.env["sale.order"]
            .sudo()
            .search([("partner_id", "child_of", company.id), ("state", "=", "sale")])
        )
        products = (
            subscriptions.sale_subscription_line_ids.product_id | orders.order_line.product_id
        )
        return products.filtered("is_supported_software").sorted("name")

    def _support_not_approved(self):
        """The page a contact who may not open tickets sees instead of a form, or None."""
        partner = request.env.user.partner_id.sudo()
        if partner._portal_ticket_may_open():
            return None
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "support",
                "restriction": request.env._(
                    "%(company)s has asked that only some of its contacts open tickets.",
                    company=partner.commercial_partner_id.name,
                ),
                "approvers": partner._portal_ticket_approvers(),
            }
        )
        return request.render("customer_portal_tickets.portal_support_not_approved", values)

    @http.route(["/my/support"], type="http", auth="user", website=True)
    def portal_support(self, **kw):
        refused = self._support_not_approved()
        if refused:
            return refused
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "support", "products": self._support_get_products()})
        return request.render("customer_portal_tickets.portal_support", values)

    # ------------------------------------------------------------------
    # Forms
    # ------------------------------------------------------------------
    def _support_form_context(self, kw):
        """Product and document the form is about, each checked against the user's
        rights; what is not the user's is dropped."""
        context = {}
        product_id = kw.get("product_id")
        if product_id and str(product_id).isdigit():
            product = self._support_get_products().filtered(lambda p: p.id == int(product_id))
            context["product"] = product
        for key, model in (
            ("previous_ticket_id", "helpdesk.ticket"),
            ("sale_order_id", "sale.order"),
            ("invoice_id", "account.move"),
            ("subscription_id", "sale.subscription"),
        ):
            value = kw.get(key)
            if value and str(value).isdigit():
                try:
                    context[key] = self._document_check_access(model, int(value))
                except (AccessError, MissingError):
                    # Another customer's document, or none: the ticket is simply not
                    # linked to it.
                    continue
        return context

    def _support_urgencies(self):
        """(key, translated label) of the ticket's urgency field."""
        field = request.env["helpdesk.ticket"]._fields["urgency"]
        return field._description_selection(request.env)

    def _support_form_values(
        self, kind, kw, errors=None, pending=None, duplicate=None, context=None
    ):
        values = self._prepare_portal_layout_values()
        user = request.env.user
        if context is None:
            context = self._support_form_context(kw)
        previous = context.get("previous_ticket_id")
        if previous and "subject" not in kw:
            kw = dict(
                kw,
                subject=request.env._(
                    "Follow-up of %(number)s: %(subject)s",
                    number=previous.number,
                    subject=previous.name,
                ),
                description=request.env._("Previous ticket: %(number)s", number=previous.number)
                + "\n\n",
            )
        values.update(
            {
                "page_name": "support",
                "kind": kind,
                "form": {
                    "subject": kw.get("subject", ""),
                    "description": kw.get("description", ""),
                    "urgency": kw.get("urgency", ""),
                    "department_id": kw.get("department_id", ""),
                    "contact_name": kw.get("contact_name", user.partner_id.name),
                    "contact_email": kw.get("contact_email", user.partner_id.email or ""),
                },
                "errors": errors or {},
                "pending_attachments": pending or request.env["ir.attachment"],
                "duplicate": duplicate,
                "limits": request.env.company._portal_ticket_file_limits(),
                "urgencies": self._support_urgencies(),
                **context,
            }
        )
        if kind == "administrative":
            departments = request.env["customer.portal.department"].sudo().search([])
            values["departments"] = departments
            if not values["form"]["department_id"]:
                values["form"]["department_id"] = str(
                    self._support_document_department(departments, context).id or ""
                )
        return values

    def _support_document_department(self, departments, context):
        """The department preselected for a request about a document."""
        for key, flag in (
            ("sale_order_id", "for_orders"),
            ("invoice_id", "for_invoices"),
            ("subscription_id", "for_subscriptions"),
        ):
            if context.get(key):
                return departments.filtered(flag)[:1]
        return departments.browse()

    @http.route(
        ["/my/support/new/<string:kind>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        csrf=False,  # checked in _support_submit, to answer with the form and a message
    )
    def portal_support_form(self, kind, **kw):
        if kind not in FORM_KINDS + ("administrative",):
            return request.redirect("/my/support")
        refused = self._support_not_approved()
        if refused:
            return refused
        if request.httprequest.method == "POST":
            return self._support_submit(kind, kw)
        return request.render(
            "customer_portal_tickets.portal_support_form", self._support_form_values(kind, kw)
        )

    def _support_submit(self, kind, kw):
        context = self._support_form_context(kw)
        errors = {}
        if not request.validate_csrf(kw.get("csrf_token")):
            errors["form"] = request.env._(
                "Your session has expired or the form did not come from this page. "
                "Nothing was sent: check your request and send it again."
            )
        subject = (kw.get("subject") or "").strip()
        description = (kw.get("description") or "").strip()
        if not subject:
            errors["subject"] = request.env._("Give your request a subject.")
        if not description:
            errors["description"] = request.env._("Describe your request.")
        if kind == "incident" and kw.get("urgency") not in dict(self._support_urgencies()):
            errors["urgency"] = request.env._("Choose the urgency of the incident.")
        department = request.env["customer.portal.department"]
        if kind == "administrative":
            department_id = kw.get("department_id", "")
            if department_id.isdigit():
                department = department.sudo().browse(int(department_id)).exists()
            if not department:
                errors["department_id"] = request.env._(
                    "Choose the department your request is for."
                )
            if not (kw.get("contact_name") or "").strip():
                errors["contact_name"] = request.env._("Give the name we should answer.")
            if not email_normalize(kw.get("contact_email") or ""):
                errors["contact_email"] = request.env._(
                    "This e-mail address is not valid: %(email)s", email=kw.get("contact_email")
                )
        if self._support_hourly_limit_reached():
            errors["form"] = request.env._(
                "You have opened %(count)s tickets in the last hour, the most we accept. "
                "Please wait a little, or add to one of your open tickets.",
                count=request.env.company.portal_ticket_hourly_limit,
            )

        pending, file_errors = self._support_collect_attachments(kw)
        if file_errors:
            errors["attachments"] = file_errors

        duplicate = None
        if not errors and kind in FORM_KINDS and not kw.get("confirm_new"):
            duplicate = self._support_find_duplicate(subject, context.get("product"))
        if errors or duplicate:
            values = self._support_form_values(kind, kw, errors, pending, duplicate, context)
            return request.render("customer_portal_tickets.portal_support_form", values)

        ticket = self._support_create_ticket(kind, kw, subject, description, department, context)
        pending.sudo().write({"res_id": ticket.id})
        return request.redirect(f"/my/support/sent/{ticket.id}")

    def _support_hourly_limit_reached(self):
        limit = request.env.company.portal_ticket_hourly_limit
        if limit <= 0:
            return False
        since = fields.Datetime.now() - timedelta(hours=1)
        count = (
            request.env["helpdesk.ticket"]
            .sudo()
            .search_count(
                [("partner_id", "=", request.env.user.partner_id.id), ("create_date", ">=", since)]
            )
        )
        return count >= limit

    def _support_collect_attachments(self, kw):
        """Files kept from an earlier try (checked by token) and files sent now (checked by
        size, count, type and content). Accepted files wait, unlinked, until the ticket
        exists, so a form sent back with an error loses none of them."""
        Attachment = request.env["ir.attachment"].sudo()
        pending = Attachment
        ids = request.httprequest.form.getlist("pending_attachment_id")
        tokens = request.httprequest.form.getlist("pending_attachment_token")
        for att_id, token in zip(ids, tokens, strict=False):
            if not att_id.isdigit():
                continue
            attachment = Attachment.browse(int(att_id)).exists()
            if (
                attachment
                and attachment.res_model == "helpdesk.ticket"
                and not attachment.res_id
                and attachment.access_token
                and consteq(attachment.access_token, token)
            ):
                pending |= attachment
        files = [f for f in request.httprequest.files.getlist("attachments") if f.filename]
        uploads = [(f.filename, f.read()) for f in files]
        errors = request.env.company._portal_ticket_check_files(uploads, already=len(pending))
        refused = {name for name, _message in errors}
        for name, data in uploads:
            if name in refused:
                continue
            attachment = Attachment.create(
                {
                    "name": name,
                    "datas": base64.b64encode(data),
                    "res_model": "helpdesk.ticket",
                    "res_id": 0,
                }
            )
            attachment.generate_access_token()
            pending |= attachment
        return pending, [message for _name, message in errors]

    def _support_find_duplicate(self, subject, product):
        """An open ticket of the same company on ``product`` (one of the company's
        supported software) whose subject is close to ``subject``, if any."""
        if not product:
            return None
        company = request.env.user.partner_id.commercial_partner_id
        candidates = (
            request.env["helpdesk.ticket"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", company.id),
                    ("software_product_id", "=", product.id),
                    ("closed", "=", False),
                ],
                limit=50,
                order="create_date desc",
            )
        )
        wanted = _normalize_subject(subject)
        for ticket in candidates:
            ratio = difflib.SequenceMatcher(None, wanted, _normalize_subject(ticket.name)).ratio()
            if ratio >= DUPLICATE_SIMILARITY:
                return ticket
        return None

    def _support_ticket_team(self, kind, department):
        if kind == "administrative":
            return department.team_id
        return (
            request.env.company.sudo().portal_ticket_team_id
            or request.env.ref(
                "customer_portal_tickets.team_technical", raise_if_not_found=False
            ).sudo()
        )

    def _support_create_ticket(self, kind, kw, subject, description, department, context):
        user = request.env.user
        team = self._support_ticket_team(kind, department)
        values = {
            "name": subject,
            "description": plaintext2html(description),
            "ticket_kind": kind,
            "user_id": False,  # not the customer: the ticket waits to be taken
            "partner_id": user.partner_id.id,
            "partner_name": user.partner_id.name,
            "partner_email": user.partner_id.email,
            "channel_id": request.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            "team_id": team.id,
            "company_id": team.company_id.id or request.env.company.id,
        }
        if kind == "incident":
            values["urgency"] = kw["urgency"]
        if kind == "administrative":
            values.update(
                {
                    "department_id": department.id,
                    "partner_name": kw["contact_name"].strip(),
                    "partner_email": email_normalize(kw["contact_email"]),
                }
            )
        if context.get("product"):
            values["software_product_id"] = context["product"].id
        for key in ("previous_ticket_id", "sale_order_id", "invoice_id", "subscription_id"):
            if context.get(key):
                values[key] = context[key].id
        ticket = request.env["helpdesk.ticket"].sudo().create(values)
        ticket.message_subscribe(partner_ids=user.partner_id.ids)
        template = request.env.ref("customer_portal_tickets.mail_template_ticket_received")
        template.sudo().send_mail(ticket.id)
        return ticket

    @http.route(["/my/ticket/<int:ticket_id>/reopen"], type="http", auth="user", methods=["POST"])
    def portal_ticket_reopen(self, ticket_id, **kw):
        try:
            ticket = self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my/tickets")
        if ticket._can_customer_reopen():
            ticket._reopen_by_customer(request.env.user.partner_id)
        return request.redirect(f"/my/ticket/{ticket.id}")

    @http.route(["/my/support/sent/<int:ticket_id>"], type="http", auth="user", website=True)
    def portal_support_sent(self, ticket_id, **kw):
        try:
            ticket = self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my/support")
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "support", "ticket": ticket})
        return request.render("customer_portal_tickets.portal_support_sent", values)


class HelpdeskFormRedirect(HelpdeskTicketController):
    """helpdesk_mgmt's own portal form would skip the checks of the forms above (file
    types, hourly limit, routing): its routes send customers to the technical assistance
    page instead, and create nothing."""

    @http.route()
    def create_new_ticket(self, **kw):
        return request.redirect("/my/support")

    @http.route()
    def submit_ticket(self, **kw):
        return request.redirect("/my/support")

    @http.route()
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt's "close" buttons: the customer marks its ticket resolved. The
        original looks the ticket up with sudo and no access check; here the user must be
        able to read the ticket, and the stage must be one customers may close to."""
        ticket_id, stage_id = kw.get("ticket_id", ""), kw.get("stage_id", "")
        # A state change, so a POST with its CSRF token (checked by Odoo), not a link.
        if request.httprequest.method != "POST" or not (ticket_id.isdigit() and stage_id.isdigit()):
            return request.redirect("/my/tickets")
        ticket = request.env["helpdesk.ticket"].browse(int(ticket_id)).exists()
        if not ticket or not ticket.has_access("read"):
            return request.redirect("/my/tickets")
        ticket = ticket.sudo()
        stage = ticket.team_id._get_applicable_stages().filtered(
            lambda s: s.id == int(stage_id) and s.close_from_portal
        )
        if stage and not ticket.closed:
            ticket.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket.id}")


class TicketAttachmentUpload(PortalAttachmentController):
    """Files customers add in a ticket's chatter follow the same rules as the forms', and
    a resolved ticket takes none."""

    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        if thread_model == "helpdesk.ticket" and request.env.user.share and thread_id.isdigit():
            ticket = request.env["helpdesk.ticket"].sudo().browse(int(thread_id)).exists()
            if ticket and ticket._is_locked_for_customers():
                return request.make_json_response({"error": ticket._locked_message()})
            data = ufile.read()
            ufile.seek(0)
            errors = request.env.company._portal_ticket_check_files([(ufile.filename, data)])
            if errors:
                return request.make_json_response({"error": errors[0][1]})
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending, **kwargs)


def _normalize_subject(text):
    return " ".join(re.findall(r"\w+", (text or "").lower()))
