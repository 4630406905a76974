import re
import uuid

from odoo import http
from odoo.addons.customer_portal_subscription.tools.params import to_id
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import email_normalize, plaintext2html

from ..models.helpdesk_ticket import CUSTOMER_LINKS
from ..tools.text import clean_text

FORM_KINDS = ("incident", "service")
KINDS = FORM_KINDS + ("administrative",)
# The form input of each ticket field the model checks.
FIELD_INPUTS = {
    "name": "subject",
    "description": "description",
    "urgency": "urgency",
    "department_id": "department_id",
    "partner_name": "contact_name",
    "partner_email": "contact_email",
    "category_id": "category_id",
}
TEXT_INPUTS = tuple(FIELD_INPUTS.values())
# The one-time key a form is rendered with (hidden input "submission_key").
SUBMISSION_KEY = re.compile(r"[0-9a-f]{32}")


class TicketPortal(CustomerPortal):
    """The technical assistance page (/my/support), its incident and service-request
    forms, and the administrative request form routed by department. The rules are the
    ticket model's; this parses the forms and renders the answers."""

    # ------------------------------------------------------------------
    # Technical assistance page
    # ------------------------------------------------------------------
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
        products = request.env.user.partner_id.sudo()._portal_supported_software()
        values.update({"page_name": "support", "products": products})
        return request.render("customer_portal_tickets.portal_support", values)

    # ------------------------------------------------------------------
    # Forms
    # ------------------------------------------------------------------
    def _support_read_form(self, kw):
        """The text inputs of a form as typed, less control characters."""
        return {key: clean_text(kw.get(key)) for key in TEXT_INPUTS if key in kw}

    def _support_form_context(self, kw):
        """Product and documents the form is about, each checked against the user's
        rights; what is not the user's is dropped."""
        context = {}
        product_id = to_id(kw.get("product_id"))
        if product_id:
            products = request.env.user.partner_id.sudo()._portal_supported_software()
            context["product"] = products.filtered(lambda p: p.id == product_id)
        for key, model in CUSTOMER_LINKS.items():
            document_id = to_id(kw.get(key))
            if document_id:
                try:
                    context[key] = self._document_check_access(model, document_id)
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
        self, kind, form, errors=None, pending=None, duplicate=None, context=None
    ):
        values = self._prepare_portal_layout_values()
        partner = request.env.user.partner_id
        previous = context.get("previous_ticket_id")
        if previous and "subject" not in form:
            form = dict(
                form,
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
                    "subject": form.get("subject", ""),
                    "description": form.get("description", ""),
                    "urgency": form.get("urgency", ""),
                    "department_id": form.get("department_id", ""),
                    "contact_name": form.get("contact_name", partner.name),
                    "contact_email": form.get("contact_email", partner.email or ""),
                    "category_id": form.get("category_id", ""),
                },
                "categories": request.env["helpdesk.ticket"]._portal_categories(),
                "placeholders": self._support_placeholders(kind),
                "errors": errors or {},
                "pending_attachments": pending or request.env["ir.attachment"],
                "duplicate": duplicate,
                "limits": request.env.company._portal_ticket_file_limits(),
                "text_limits": request.env["helpdesk.ticket"]._customer_text_limits(),
                "urgencies": self._support_urgencies(),
                "submission_key": self._support_submission_key() or uuid.uuid4().hex,
                **context,
            }
        )
        if kind == "administrative":
            departments = request.env["customer.portal.department"]._portal_available(
                request.env.company
            )
            values["departments"] = departments
            if not values["form"]["department_id"]:
                values["form"]["department_id"] = str(
                    self._support_document_department(departments, context).id or ""
                )
        return values

    def _support_placeholders(self, kind):
        """Examples in the subject and description boxes, for each kind of request."""
        return {
            "incident": {
                "subject": request.env._("e.g. data download fails, cannot log in"),
                "description": request.env._(
                    "What happened, since when, on which computer or vehicle, what you "
                    "already tried"
                ),
            },
            "service": {
                "subject": request.env._(
                    "e.g. add a vehicle, set up driver breaks, training on reports"
                ),
                "description": request.env._(
                    "What you would like, for which users or vehicles, by when"
                ),
            },
            "administrative": {
                "subject": request.env._(
                    "e.g. question about an invoice, change of delivery address"
                ),
                "description": request.env._(
                    "Your question or request, with the references concerned (order, "
                    "invoice, subscription)"
                ),
            },
        }[kind]

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

    def _support_submission_key(self):
        """The one-time key the form was sent with (a form sent back keeps its key),
        or None."""
        key = request.params.get("submission_key")
        return key if isinstance(key, str) and SUBMISSION_KEY.fullmatch(key) else None

    def _support_render_form(self, kind, form, context, **values):
        return request.render(
            "customer_portal_tickets.portal_support_form",
            self._support_form_values(kind, form, context=context, **values),
        )

    @http.route(
        ["/my/support/new/<string:kind>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        csrf=False,  # checked in _support_submit, to answer with the form and a message
        customer_files="cut",  # files past the company's size are cut while read
    )
    def portal_support_form(self, kind, **kw):
        if kind not in KINDS:
            return request.redirect("/my/support")
        refused = self._support_not_approved()
        if refused:
            return refused
        form = self._support_read_form(kw)
        context = self._support_form_context(kw)
        if request.httprequest.method == "POST":
            return self._support_submit(kind, form, context, kw)
        return self._support_render_form(kind, form, context)

    def _support_ticket_vals(self, kind, form, context):
        """The ticket values of a form."""
        description = form.get("description", "").strip()
        vals = {
            "name": form.get("subject", "").strip(),
            "description": plaintext2html(description) if description else "",
            "ticket_kind": kind,
        }
        if form.get("category_id"):
            vals["category_id"] = to_id(form["category_id"]) or -1
        if kind == "incident":
            vals["urgency"] = form.get("urgency")
        if kind == "administrative":
            email = form.get("contact_email", "").strip()
            vals.update(
                {
                    "department_id": to_id(form.get("department_id")) or False,
                    "partner_name": form.get("contact_name", "").strip(),
                    "partner_email": email_normalize(email) or email,
                }
            )
        if context.get("product"):
            vals["software_product_id"] = context["product"].id
        for key in CUSTOMER_LINKS:
            if context.get(key):
                vals[key] = context[key].id
        return vals

    def _support_uploads(self):
        """(name, bytes) of the files sent with the form (cut past the size limit)."""
        files = request.httprequest.files.getlist("attachments")
        return [(clean_text(f.filename), f.read()) for f in files if f.filename]

    def _support_submit(self, kind, form, context, kw):
        Ticket = request.env["helpdesk.ticket"].sudo()
        partner = request.env.user.partner_id
        uploads = self._support_uploads()
        files_lost = (
            request.env._(" The files you chose were not kept: attach them again.")
            if uploads
            else ""
        )
        # Nothing is stored before the request is accepted: a forged or stale form gets
        # the form back, and no file is written.
        if not request.validate_csrf(kw.get("csrf_token")):
            message = request.env._(
                "Your session has expired or the form did not come from this page. "
                "Nothing was sent: check your request and send it again."
            )
            return self._support_render_form(
                kind, form, context, errors={"form": message + files_lost}
            )

        # The same form sent again (double click, resend): the first sending's
        # confirmation, once it is committed (the key is claimed until then).
        submission_key = self._support_submission_key()
        if submission_key:
            sent = Ticket._portal_submission(submission_key)
            if sent:
                return request.redirect(f"/my/support/sent/{sent.id}")

        vals = self._support_ticket_vals(kind, form, context)
        errors = {
            FIELD_INPUTS.get(field, field): message
            for field, message in Ticket._customer_vals_errors(vals).items()
        }
        form_data = request.httprequest.form
        pending = Ticket._pending_customer_files(
            list(
                zip(
                    form_data.getlist("pending_attachment_id"),
                    form_data.getlist("pending_attachment_token"),
                    strict=False,
                )
            )
        )
        file_errors = Ticket._check_customer_files(uploads, already=len(pending))
        refused = {name for name, _message in file_errors}
        accepted = [(name, data) for name, data in uploads if name not in refused]
        if file_errors:
            errors["attachments"] = [message for _name, message in file_errors]

        duplicate = None
        if not errors and kind in FORM_KINDS and not kw.get("confirm_new"):
            duplicate = Ticket._find_duplicate(partner, vals["name"], context.get("product"))
        if errors or duplicate:
            # The form goes back: its accepted files are kept for the next try, unless
            # the customer may not open a ticket now (then nothing is written).
            refusal = Ticket._customer_refusal(partner.sudo())
            if refusal:
                return self._support_render_form(
                    kind, form, context, errors={**errors, "form": refusal + files_lost}
                )
            kept = Ticket._store_customer_files(accepted)
            if len(kept) < len(accepted):
                errors.setdefault("attachments", []).append(
                    request.env._(
                        "You have many files waiting in forms not sent yet: the files you "
                        "just chose were not kept. Send your request, then add them to the "
                        "ticket."
                    )
                )
            pending |= kept
            return self._support_render_form(
                kind, form, context, errors=errors, pending=pending, duplicate=duplicate or None
            )
        try:
            with request.env.cr.savepoint():
                ticket = Ticket._create_from_portal(
                    vals, accepted, pending, submission_key=submission_key
                )
        except (UserError, AccessError) as error:
            # A rule of the model refused it (approved contacts, hourly limit, a document
            # no longer the customer's): the form comes back with its message, and no
            # file was written.
            return self._support_render_form(
                kind, form, context, errors={"form": str(error) + files_lost}
            )
        return request.redirect(f"/my/support/sent/{ticket.id}")

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
        # Not "ticket": helpdesk_mgmt's breadcrumb would show the ticket before the page.
        values.update({"page_name": "support", "sent_ticket": ticket})
        return request.render("customer_portal_tickets.portal_support_sent", values)
