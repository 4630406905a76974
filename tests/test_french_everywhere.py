"""A French customer reads French everywhere the product speaks to it: every e-mail it
sends to a French customer (acknowledgment, technician's reply, ticket closed, rating
request, refusals, low-credit alert) and every page of the journey (portal pages, the
HTML of the PDFs), for each demo customer.

English is found two ways:
- a term of the French catalogues (``fr.po``) of our addons and of the Odoo modules these
  pages and e-mails render, left in English: a text fragment of a msgid (two words or
  more, long enough not to be a French word too) that the French rendering shows as is;
- a short list of English words that have no business on a French page or e-mail."""

import functools
import html
import re

import polib
from helpers import ADDONS, suite_case

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase

# The Odoo and OCA modules whose templates, fields and records the pages and e-mails
# render (their fr.po is read along with ours).
RENDERED_MODULES = (
    "web",
    "portal",
    "mail",
    "rating",
    "portal_rating",
    "product",
    "uom",
    "sale",
    "sale_management",
    "account",
    "account_payment",
    "payment",
    "auth_signup",
    "auth_totp",
    "auth_totp_portal",
    "helpdesk_mgmt",
    "helpdesk_mgmt_rating",
    "subscription_oca",
    "sale_timesheet",
    "l10n_fr_account",
)

# English words that have no business where a French customer reads (whole words).
ENGLISH_WORDS = (
    "Units",
    "Hours",
    "VAT",
    "Card",
    "Activate",
    "Subject",
    "Dear",
    "Hello",
    "Thank you",
    "Kind regards",
    "Quantity",
    "Unit Price",
    "Amount",
    "Invoice",
    "Quotation",
    "Order",
    "Status",
    "Reference",
    "Download",
    "Goods",
    # The French chart's tax names (G: goods, S: services), not what an invoice shows.
    "20% G",
    "20% S",
)

# English allowed where it shows, with its reason: {term: regex of the page's path}.
# Empty: nothing is allowed today.
ALLOWED = {}

# Where text is cut in segments (a term must sit inside one: "Plan" and "Date de début"
# of two cells are not "Plan Date").
INLINE_TAGS = "a|abbr|b|bdi|code|em|i|small|span|strong|sub|sup|t|u|font|mark"
NON_VISIBLE = re.compile(r"(?is)<(script|style|template|head)\b.*?</\1>|<!--.*?-->")
BLOCK_TAG = re.compile(rf"(?is)<(?!/?(?:{INLINE_TAGS})\b)[^>]*>")
ANY_TAG = re.compile(r"(?s)<[^>]*>")
# Text a user reads in attributes.
READ_ATTRIBUTES = re.compile(r'(?i)\s(?:placeholder|title|alt|aria-label)="([^"]*)"')
PLACEHOLDERS = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{\w*\}|\$\{.*?\}")


def segments(markup):
    """The texts of ``markup`` as the reader sees them, one per block."""
    markup = NON_VISIBLE.sub(" ", markup)
    attributes = [html.unescape(value) for value in READ_ATTRIBUTES.findall(markup)]
    texts = [ANY_TAG.sub("", block) for block in BLOCK_TAG.split(markup)]
    return [
        re.sub(r"\s+", " ", html.unescape(text)).strip()
        for text in texts + attributes
        if text.strip()
    ]


def fragments(msgid):
    """The pieces of English text of a msgid (between its tags and placeholders)."""
    parts = PLACEHOLDERS.split(ANY_TAG.sub("\n", msgid))
    for part in parts:
        for piece in part.split("\n"):
            piece = re.sub(r"\s+", " ", html.unescape(piece)).strip()
            if len(piece) >= 10 and len(piece.split()) >= 2:
                yield piece


@functools.cache
def english_terms():
    """{English fragment: module} of every translated msgid of the catalogues."""
    terms = {}
    for module in (*ADDONS, *RENDERED_MODULES):
        path = get_module_path(module)
        for folder in ("i18n", "i18n_extra"):
            try:
                catalogue = polib.pofile(f"{path}/{folder}/fr.po")
            except OSError:
                continue
            for entry in catalogue:
                if entry.obsolete or not entry.msgstr or entry.msgstr == entry.msgid:
                    continue
                french = " ".join(segments(entry.msgstr))
                for fragment in fragments(entry.msgid):
                    if fragment not in french:
                        terms.setdefault(fragment, module)
    return terms


def allowed(english, url):
    return bool(url and english in ALLOWED and ALLOWED[english].fullmatch(url.split("?")[0]))


@functools.cache
def word_patterns():
    return [(word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")) for word in ENGLISH_WORDS]


def english_in(markup, url=None):
    """The English found in ``markup`` (the page at ``url``): [(English, its source)]."""
    texts = segments(markup)
    whole = "\n".join(texts)
    found = set()
    for term, module in english_terms().items():
        if term in whole and not allowed(term, url):
            bounded = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
            if any(bounded.search(text) for text in texts):
                found.add((term, f"fr.po of {module}"))
    for word, pattern in word_patterns():
        if not allowed(word, url) and pattern.search(whole):
            found.add((word, "English word"))
    return sorted(found)


@suite_case("post_install")
class TestFrenchEverywhere(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.customers = {
            "client3": ref("customer_portal_subscription.user_client3_demo"),
            "client4": ref("customer_portal_subscription.user_client4_demo"),
            "client5": ref("customer_portal_subscription.user_client5_demo"),
        }
        cls.technician = ref("customer_portal_tickets.user_technician_demo")
        for user in cls.customers.values():
            assert user.partner_id.lang == "fr_FR", user.login

    def assertNoEnglish(self, found):
        """``found``: {where: [(English, source)]}; the report lists every place."""
        found = {where: english for where, english in found.items() if english}
        report = "\n".join(
            f"- {where}: " + ", ".join(f"{english!r} ({source})" for english, source in items)
            for where, items in found.items()
        )
        if found:
            self.fail(f"English where a French customer reads:\n{report}")

    # e-mails -----------------------------------------------------------------
    def _mails_to(self, partner, since):
        """The e-mails queued for ``partner`` (or its address) after mail id ``since``."""
        return self.env["mail.mail"].search(
            [
                ("id", ">", since),
                "|",
                ("recipient_ids", "in", partner.ids),
                ("email_to", "ilike", partner.email),
            ],
            order="id",
        )

    def _last_mail_id(self):
        return self.env["mail.mail"].search([], order="id desc", limit=1).id or 0

    def _open_service_request(self, login):
        """A service request as ``login`` sends it with the portal form."""
        self.authenticate(login, login)
        user = self.customers[login]
        software = user.partner_id._portal_supported_software()[:1]
        url = f"/my/support/new/service?product_id={software.id}"
        form = self.url_open(url)
        self.assertEqual(form.status_code, 200)
        data = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.text))
        data.update(
            subject="Export vers notre logiciel de paie",
            confirm_new="1",  # not the same problem as an open ticket with a close subject
            description="Pouvez-vous activer l'export vers notre logiciel de paie ?",
        )
        sent = self.url_open(url, data=data)
        self.assertEqual(sent.status_code, 200)
        self.assertIn("/my/support/sent/", sent.url)
        ticket = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", user.partner_id.id)], order="id desc", limit=1
        )
        self.assertEqual(ticket.name, data["subject"])
        return ticket

    def test_every_email_to_a_french_customer_is_french(self):
        customer = self.customers["client4"]
        contact, company = customer.partner_id, customer.partner_id.commercial_partner_id
        mails = {}

        start = self._last_mail_id()
        ticket = self._open_service_request("client4")
        self.env.ref("customer_portal_tickets.ir_cron_send_acknowledgments").method_direct_trigger()
        mails["acknowledgment"] = self._mails_to(contact, start)

        start = self._last_mail_id()
        ticket.message_post(
            body="<p>Nous regardons votre demande.</p>",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.technician.partner_id.id,
            email_from=self.env.company.email_formatted,
        )
        mails["technician's reply"] = self._mails_to(contact, start)

        start = self._last_mail_id()
        self.env.company.service_credit_alert_hours = 10_000
        company.service_credit_alert_sent = False
        self.env["account.analytic.line"].with_user(self.technician).create(
            {
                "name": "Paramétrage",
                "ticket_id": ticket.id,
                "project_id": ticket.project_id.id,
                "unit_amount": 0.5,
            }
        )
        billing = self.env["res.partner"].browse(company.address_get(["invoice"])["invoice"])
        mails["low-credit alert"] = self._mails_to(billing, start)

        start = self._last_mail_id()
        ticket.write({"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id})
        self.env.flush_all()
        self.env.cr.precommit.run()  # the stage's e-mails (tracking) go at commit
        closing = self._mails_to(contact, start)
        mails["ticket closed"] = closing.filtered(lambda m: "rating" not in (m.body_html or ""))
        mails["rating request"] = closing - mails["ticket closed"]

        start = self._last_mail_id()
        reply = (
            f"From: {contact.name} <{contact.email}>\nTo: support@example.com\n"
            f"Subject: Re: {ticket.number}\nMessage-ID: <fr-{ticket.number}@x.example>\n"
            "Content-Type: text/plain; charset=utf-8\n\nUne dernière question.\n"
        )
        self.env["mail.thread"].message_process("helpdesk.ticket", reply, thread_id=ticket.id)
        mails["refusal: reply to a resolved ticket"] = self._mails_to(contact, start)

        # An address the vendor does not know: answered in the vendor's language.
        start = self._last_mail_id()
        stranger = "quelquun@ailleurs.example"
        reply = (
            f"From: Quelqu'un <{stranger}>\nTo: support@example.com\n"
            f"Subject: Re: {ticket.number}\nMessage-ID: <fr-stranger-{ticket.number}@x.example>\n"
            "Content-Type: text/plain; charset=utf-8\n\nEt moi ?\n"
        )
        self.env["mail.thread"].message_process("helpdesk.ticket", reply, thread_id=ticket.id)
        mails["refusal to an unknown address: reply to a resolved ticket"] = self.env[
            "mail.mail"
        ].search([("id", ">", start), ("email_to", "ilike", stranger)])

        start = self._last_mail_id()
        domain = self.env["mail.alias.domain"].create({"name": "support.example.com"})
        self.env.company.alias_domain_id = domain
        ticket.team_id.write({"alias_name": "assistance", "alias_domain_id": domain.id})
        alias = "assistance@support.example.com"
        # Another customer (one automatic answer per address and hour).
        other = self.customers["client3"].partner_id
        other.commercial_partner_id.portal_ticket_approved_only = True
        other.portal_ticket_approved = False
        new = (
            f"From: {other.name} <{other.email}>\nTo: {alias}\n"
            "Subject: Nouvelle demande\nMessage-ID: <fr-new@x.example>\n"
            "Content-Type: text/plain; charset=utf-8\n\nBonjour, une demande.\n"
        )
        self.env["mail.thread"].message_process(False, new)
        mails["refusal: contact not allowed to open tickets"] = self._mails_to(other, start)

        # Odoo's e-mails to the customer, as their send wizards render them (in the
        # customer's language; the PDFs they attach aside).
        invoice = self.env["account.move"].search(
            [("partner_id", "child_of", company.id), ("move_type", "=", "out_invoice")], limit=1
        )
        quote = self.env["sale.order"].search([("partner_id", "child_of", company.id)], limit=1)
        odoo_mails = {
            "invoice": ("account.email_template_edi_invoice", invoice),
            "quotation": ("sale.email_template_edi_sale", quote),
            "portal invitation": ("auth_signup.set_password_email", customer),
        }
        for name, (xmlid, record) in odoo_mails.items():
            rendered = self.env.ref(xmlid)._generate_template(record.ids, ("subject", "body_html"))
            mails[name] = [rendered[record.id]]

        found = {}
        for name, sent in mails.items():
            self.assertTrue(sent, f"no {name} e-mail was sent")
            for mail in sent:
                found[f"the {name} e-mail {mail['subject']!r}"] = english_in(
                    f"<p>{html.escape(mail['subject'] or '')}</p>{mail['body_html']}"
                )
        self.assertNoEnglish(found)

    # pages ---------------------------------------------------------------------
    def _customer_urls(self, user):
        """Every page of the journey of ``user``: the portal's native pages, our routes
        (the record pages with the customer's own records), the PDFs as HTML."""
        env = self.env
        company = user.partner_id.commercial_partner_id
        own = [("partner_id", "child_of", company.id)]
        orders = env["sale.order"].search(own + [("state", "=", "sale")], limit=2)
        quotes = env["sale.order"].search(own + [("state", "=", "sent")], limit=1)
        invoices = env["account.move"].search(
            own + [("move_type", "=", "out_invoice"), ("state", "=", "posted")], limit=1
        )
        subscriptions = env["sale.subscription"].search(own, limit=1)
        tickets = env["helpdesk.ticket"].search(own)
        urls = [
            "/my",
            "/my/home",
            "/my/account",
            "/my/security",
            "/my/payment_method",
            "/my/payment_method/sepa",
            "/my/quotes",
            "/my/orders",
            "/my/invoices",
            "/my/subscriptions",
            "/my/tickets",
            "/my/tickets?groupby=portal_state",
            "/my/remote",
            "/my/support",
            "/my/support/new/incident",
            "/my/support/new/service",
            "/my/support/new/administrative",
        ]
        if company._has_bought_service_credit():
            urls.append("/my/credit")
        for order in orders | quotes:
            urls += [f"/my/orders/{order.id}", f"/my/orders/{order.id}?report_type=html"]
        for invoice in invoices:
            urls += [f"/my/invoices/{invoice.id}", f"/my/invoices/{invoice.id}?report_type=html"]
        for subscription in subscriptions:
            urls += [
                f"/my/subscriptions/{subscription.id}",
                f"/my/subscriptions/{subscription.id}/payment_method",
            ]
        urls += [f"/my/ticket/{ticket.id}" for ticket in tickets]
        urls += [f"/my/support/sent/{ticket.id}" for ticket in tickets[:1]]
        return urls

    def test_every_page_of_the_journey_is_french(self):
        seen, found = set(), {}
        for login, user in self.customers.items():
            self.authenticate(login, login)
            for url in self._customer_urls(user):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200, url)
                found[f"{url} as {login}"] = english_in(response.content.decode(), url)
                seen.add(url.split("?")[0])
        self.assertNoEnglish(found)
        # Every customer page of our addons is in the journey: a new route joins it.
        routes = {
            rule.rule
            for rule in self.env["ir.http"].routing_map().iter_rules()
            if rule.rule.startswith("/my/")
            and "/page/" not in rule.rule
            and rule.endpoint.routing["type"] == "http"
            and (rule.methods is None or "GET" in rule.methods)
            and rule.endpoint.original_endpoint.__module__.startswith(
                tuple(f"odoo.addons.{addon}." for addon in ADDONS)
            )
        }
        missing = {
            route
            for route in routes
            if not any(re.fullmatch(re.sub(r"<[^>]+>", "[^/]+", route), url) for url in seen)
        }
        self.assertFalse(missing, "customer pages the journey does not read")

    def test_two_factor_dialog_is_french(self):
        """auth_totp_portal's dialog (JavaScript) on /my/security."""
        self.start_tour("/my/security", "customer_portal_french_totp_tour", login="client4")
