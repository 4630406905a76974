"""What a customer posts in a chatter is its own, whatever the chatter (tickets, orders,
invoices, subscriptions) and whatever the door (JSON-RPC, XML-RPC, mail's /mail/* routes,
a portal link's token).

A post is a customer's when the requesting user is a share user (portal or public, who
keeps being the user under sudo) and the values come from it: its own call (JSON-RPC and
XML-RPC never run with sudo), or mail's /mail/message/post, which posts with sudo and which
``controllers/mail_post.py`` flags with a ``CustomerPost``. Server code that decides by
itself to post in a customer's request (sale's "quotation viewed" note, the rating routes,
our system notes) does it with sudo and keeps the values it chose.

A customer's post gets: the customer's partner as author (for a portal link, the partner
its token identifies, given by the route), the customer's address, as recipients only
followers of the document from the customer's own company, a public comment (no note, no
notification, no subtype of its choosing), none of the other values of mail.message or of
the notification (reply-to, date, message id, layout, signature, ...), and its files
checked by the file policy (``ir.attachment.create``).

A customer's search finds documents only by the messages it reads: mail's ``message_ids``
and ``website_message_ids`` join mail_message directly (``auto_join``), past mail.message's
own filter for share users, so each condition on them gets that filter (``_search``).

For the mail gateway, an incoming e-mail says whether a machine sent it (RFC 3834), which
mail's parser drops, so that nothing answers it automatically.
"""

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import clean_context, email_normalize, email_split, html2plaintext

from ..tools.text import clean_text

# message_post keyword given by our /mail/message/post route: a CustomerPost.
POST_MARK = "customer_portal_post"
# Context key: attachments created under it are a customer's files (the file policy).
CUSTOMER_FILES = "customer_portal_customer_files"
# Context key: a ServerPost, server code's own post in a customer's request.
SERVER_POST = "customer_portal_server_post"
# Context key: the write of a customer's edit, made by _message_update_content after its
# checks (mail.message refuses a share user's other writes).
CUSTOMER_EDIT = "customer_portal_customer_edit"

# What a customer may give message_post; everything else is dropped.
CUSTOMER_POST_KEYS = {
    "body",
    "subject",
    "parent_id",
    "attachments",
    "attachment_ids",
    "partner_ids",
    "rating_value",
}
# Threads with rules of their own: Discuss channels notify their members, not followers,
# and post their own notifications in the member's name.
OWN_RULES = {"discuss.channel"}

# Context key carrying ``is_automatic`` from the parsed message to message_new,
# message_update and message_post (message_post refuses unknown keyword arguments).
AUTOMATIC_CONTEXT = "customer_portal_automatic_email"
# Local parts of senders that are machines (RFC 3834 section 2).
AUTOMATIC_LOCAL_PARTS = {"mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply"}
AUTOMATIC_PRECEDENCES = {"bulk", "junk", "list"}
# Headers whose mere presence marks an automatic or mailing-list message.
AUTOMATIC_HEADERS = ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe")


# A customer's message at most this many times longer in HTML than its text allows.
HTML_FACTOR = 10


def customer_message_domain(model, domain):
    """``domain`` on ``model`` with each condition on its messages narrowed to the messages
    a customer reads (mail.message's filter for share users), or None when it has none.
    The joins the ORM makes without the comodel's ``_search`` (``auto_join``, fields held
    by delegation) are followed; the other relations search their comodel, whose own
    ``_search`` does the same."""
    if not isinstance(domain, list | tuple):
        return None
    changed = False
    result = []
    for item in domain:
        leaf = _customer_message_leaf(model, item)
        if leaf is not None:
            changed, item = True, leaf
        result.append(item)
    return result if changed else None


def _is_message_field(field):
    return field.type == "one2many" and field.comodel_name == "mail.message" and field.auto_join


def _customer_message_leaf(model, item):
    """``item`` (a domain's element) narrowed as ``customer_message_domain`` says, or
    None when unchanged."""
    if not (isinstance(item, list | tuple) and len(item) == 3 and isinstance(item[0], str)):
        return None
    left, operator, right = item
    fname, _dot, rest = left.partition(".")
    field = model._fields.get(fname)
    while field is not None and field.inherited:  # res.users: its contact's chatter
        model = model.env[field.related_field.model_name]
        field = model._fields.get(fname)
    if field is None or not field.relational:
        return None
    if rest:  # "a.b" is ("a", "any", [("b", ...)]), as the ORM reads it
        operator, right = "any", [(rest, operator, right)]
    elif operator not in ("any", "not any"):
        if not _is_message_field(field):
            return None
        operator, right = _message_condition(operator, right)
    if _is_message_field(field):
        Message = model.env["mail.message"]
        if not isinstance(right, list | tuple):  # a query of message ids
            right = [("id", "in", right)]
        right = customer_message_domain(Message, right) or right
        return (fname, operator, expression.AND([right, Message._get_search_domain_share()]))
    if field.auto_join and isinstance(right, list | tuple):
        right = customer_message_domain(model.env[field.comodel_name], right)
        return None if right is None else (fname, operator, right)
    return None


def _message_condition(operator, right):
    """A condition on a message field itself, as ("any" or "not any", domain on the
    messages)."""
    negative = operator in expression.NEGATIVE_TERM_OPERATORS
    positive = expression.TERM_OPERATORS_NEGATION[operator] if negative else operator
    if right is False or right is None:  # ("message_ids", "=", False): no message
        return ("any" if negative else "not any"), []
    if isinstance(right, str) and positive not in ("child_of", "parent_of"):
        return ("not any" if negative else "any"), [("display_name", positive, right)]
    return ("not any" if negative else "any"), [("id", positive, right)]


class CustomerPost:
    """Given to message_post by a route, never by JSON (which has no such object): the
    values of this post come from a customer; ``author_id`` is the partner a portal link's
    token identified for a public user, if any."""

    __slots__ = ("author_id",)

    def __init__(self, author_id=None):
        self.author_id = author_id


class ServerPost:
    """In the context, set by server code only: the post it makes itself on one record in
    a customer's request. ``kind`` says which (see ``helpdesk.ticket._customer_lock_
    exemptions``): "system" (a note of the system), "rating" (the rating of a resolution,
    by ``rating_apply`` for a rating of this record)."""

    __slots__ = ("kind", "model", "res_id")

    def __init__(self, kind, record):
        self.kind, self.model, self.res_id = kind, record._name, record.id


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    # ------------------------------------------------------------------
    # Searching by messages
    # ------------------------------------------------------------------
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """A share user's search (search, search_count, read_group, web_search_read,
        name_search...) matches messages it reads only; the server's are unchanged."""
        # The domain first: reading the user searches res.users.
        narrowed = not self.env.su and customer_message_domain(self, domain)
        if narrowed and self.env.user.share:
            domain = narrowed
        return super()._search(domain, offset=offset, limit=limit, order=order)

    # ------------------------------------------------------------------
    # Who posts
    # ------------------------------------------------------------------
    def _server_post_kind(self):
        """The kind of ``ServerPost`` server code set for this record, or None."""
        mark = self.env.context.get(SERVER_POST)
        if isinstance(mark, ServerPost) and (mark.model, mark.res_id) == (self._name, self.id):
            return mark.kind
        return None

    def _as_server_post(self, kind="system"):
        """This record, to post server code's own message on it in a customer's request."""
        self.ensure_one()
        return self.with_context(**{SERVER_POST: ServerPost(kind, self)})

    def _is_customer_post(self, mark=None):
        """Whether the values of a post on this record come from a customer (see the
        module's docstring); ``mark`` is message_post's ``POST_MARK`` keyword."""
        if not self.env.user.share or self._name in OWN_RULES or self._server_post_kind():
            return False
        return isinstance(mark, CustomerPost) or not self.env.su

    def _customer_post_author(self, mark=None):
        """The author of a customer's post: the partner a portal link identified, else the
        user's (none for an anonymous visitor: mail then takes its guest or the public
        partner)."""
        if isinstance(mark, CustomerPost) and mark.author_id:
            return self.env["res.partner"].sudo().browse(mark.author_id).exists()
        if self.env.user._is_public():
            return self.env["res.partner"]
        return self.env.user.partner_id

    def _customer_post_recipients(self, partner_ids, author):
        """Of ``partner_ids``, those a customer may address: followers of this document
        from the author's own company."""
        partner_ids = [pid for pid in partner_ids or [] if isinstance(pid, int)]
        if not (partner_ids and author and self.id):
            return []
        # sudo: mail.followers - the followers of a document the customer posts on
        followers = (
            self.env["mail.followers"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("partner_id", "in", partner_ids),
                ]
            )
            .partner_id
        )
        company = author.commercial_partner_id
        return followers.filtered(lambda p: p.commercial_partner_id == company).ids

    def _customer_post_parent(self, parent_id):
        """The message a customer answers: one of this document's it may read, else none
        (mail then threads it under the first message)."""
        if not isinstance(parent_id, int) or not self.id:
            return False
        parent = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("id", "=", parent_id),
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    *self.env["mail.message"]._get_search_domain_share(),
                ]
            )
        )
        return parent.id or False

    def _check_customer_body(self, body):
        """A customer's message is at most as long as a ticket's description: its text
        (an HTML body, as mail's routes give it, measured on its plain text) and, for
        HTML, ten times that of markup."""
        # Imported here: helpdesk_ticket imports this module.
        from .helpdesk_ticket import DESCRIPTION_MAX

        if not body:
            return
        if isinstance(body, Markup):
            too_long = (
                len(body) > DESCRIPTION_MAX * HTML_FACTOR
                or len(html2plaintext(body).strip()) > DESCRIPTION_MAX
            )
        else:  # text, which mail escapes
            too_long = len(body.strip()) > DESCRIPTION_MAX
        if too_long:
            raise UserError(
                self.env._(
                    "Your message is too long: at most %(count)s characters.",
                    count=DESCRIPTION_MAX,
                )
            )

    def _prepare_customer_post(self, kwargs, mark=None):
        """The values message_post takes from a customer's post (module's docstring)."""
        author = self._customer_post_author(mark)
        values = {key: kwargs[key] for key in CUSTOMER_POST_KEYS if key in kwargs}
        for key in ("body", "subject"):
            if values.get(key):
                text = clean_text(values[key])
                values[key] = Markup(text) if isinstance(values[key], Markup) else text
        self._check_customer_body(values.get("body"))
        if "parent_id" in values:
            values["parent_id"] = self._customer_post_parent(values["parent_id"])
        if "partner_ids" in values:
            values["partner_ids"] = self._customer_post_recipients(values["partner_ids"], author)
        values.update(
            {
                "author_id": author.id if author else None,
                "email_from": None,  # the author's, computed by mail
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            }
        )
        if not author:
            # An anonymous visitor: mail's guest, or the public partner.
            values.pop("author_id")
        return values

    # ------------------------------------------------------------------
    # Posting and editing
    # ------------------------------------------------------------------
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        mark = kwargs.pop(POST_MARK, None)
        if len(self) == 1 and self._is_customer_post(mark):
            kwargs = self._prepare_customer_post(kwargs, mark)
            # No default_* value of the customer's context on the message; its files
            # (``attachments``) follow the file policy.
            self = self.with_env(
                self.env(context={**clean_context(self.env.context), CUSTOMER_FILES: True})
            )
        return super().message_post(**kwargs)

    def _message_update_content(
        self, message, body, attachment_ids=None, partner_ids=None, **kwargs
    ):
        """A customer edits its message (mail's /mail/message/update_content runs as the
        user): only its own, only the text, files it uploaded and followers of its own
        company as mentions."""
        if self._is_customer_post():
            self.ensure_one()
            author = self._customer_post_author()
            # The public user edits through a portal link: mail's route checked its token.
            if author and message.sudo().author_id != author:
                raise AccessError(self.env._("You can only edit your own messages."))
            if body:
                body = Markup(clean_text(body)) if isinstance(body, Markup) else clean_text(body)
                self._check_customer_body(body)
            if partner_ids:
                partner_ids = self._customer_post_recipients(partner_ids, author)
            kwargs = {}
            message = message.with_context(**{CUSTOMER_EDIT: True})
        return super()._message_update_content(
            message, body, attachment_ids=attachment_ids, partner_ids=partner_ids, **kwargs
        )

    # ------------------------------------------------------------------
    # Files of internal notes
    # ------------------------------------------------------------------
    def _get_mail_thread_data_attachments(self):
        """The files mail's /mail/thread/data lists (with sudo for a portal link's token):
        never those of internal notes for customers."""
        attachments = super()._get_mail_thread_data_attachments()
        if self.env.user.share:
            attachments -= attachments._filter_internal_note_files()
        return attachments

    # ------------------------------------------------------------------
    # Incoming e-mail sent by a machine (RFC 3834)
    # ------------------------------------------------------------------
    @api.model
    def message_parse(self, message, save_original=False):
        msg_dict = super().message_parse(message, save_original=save_original)
        msg_dict["is_automatic"] = self._is_automatic_email(message, msg_dict)
        return msg_dict

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        # Out of the dict (message_post takes no unknown argument), into the context.
        automatic = message_dict.pop("is_automatic", None)
        if automatic is None:
            automatic = self._is_automatic_email(message, message_dict)
        return super(
            MailThread, self.with_context(**{AUTOMATIC_CONTEXT: automatic})
        )._message_route_process(message, message_dict, routes)

    @api.model
    def _is_automatic_email(self, message, msg_dict):
        """Whether ``message`` was sent by a machine, which no automatic answer may go to
        (RFC 3834): auto-submitted, bulk, junk or list mail, an auto-reply, a bounce,
        mail from a mailer daemon or from one of our own addresses (a loop)."""
        auto = (message.get("Auto-Submitted") or "no").split(";")[0].strip().lower()
        if auto != "no":
            return True
        if (message.get("Precedence") or "").strip().lower() in AUTOMATIC_PRECEDENCES:
            return True
        if any(message.get(header) is not None for header in AUTOMATIC_HEADERS):
            return True
        suppress = (message.get("X-Auto-Response-Suppress") or "").lower()
        if any(word in suppress for word in ("all", "autoreply", "oof")):
            return True
        if (message.get("Return-Path") or "").strip() == "<>":
            return True
        if msg_dict.get("is_bounce"):
            return True
        email = email_normalize(msg_dict.get("email_from") or "")
        if not email:
            return True
        local = email.split("@", 1)[0]
        if (
            local in AUTOMATIC_LOCAL_PARTS
            or local.startswith("owner-")
            or local.endswith("-request")
        ):
            return True
        return email in self._own_addresses()

    @api.model
    def _own_addresses(self):
        """The addresses we send from: our aliases, the bounce, catch-all and default
        senders of our alias domains, our companies'."""
        aliases = self.env["mail.alias"].sudo().search([]).mapped("alias_full_name")
        domains = self.env["mail.alias.domain"].sudo().search([])
        companies = self.env["res.company"].sudo().search([])
        addresses = set(filter(None, aliases))
        for text in (
            domains.mapped("bounce_email")
            + domains.mapped("catchall_email")
            + domains.mapped("default_from_email")
            + companies.mapped("email")
        ):
            addresses.update(email_normalize(e) for e in email_split(text or ""))
        addresses.discard(False)
        return addresses
