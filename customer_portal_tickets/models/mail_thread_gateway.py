"""What the mail gateway needs to know of an incoming e-mail that mail's parser drops: whether
it was sent by a machine (RFC 3834), so that nothing answers it automatically."""

from odoo import api, models
from odoo.tools import email_normalize, email_split

# Context key carrying ``is_automatic`` from the parsed message to message_new,
# message_update and message_post (message_post refuses unknown keyword arguments).
AUTOMATIC_CONTEXT = "customer_portal_automatic_email"
# Local parts of senders that are machines (RFC 3834 section 2).
AUTOMATIC_LOCAL_PARTS = {"mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply"}
AUTOMATIC_PRECEDENCES = {"bulk", "junk", "list"}
# Headers whose mere presence marks an automatic or mailing-list message.
AUTOMATIC_HEADERS = ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe")


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

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
