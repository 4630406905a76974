"""A customer's search finds documents by the messages it reads, never by the ones it
does not: a technician's internal note cannot be guessed letter by letter with a domain on
``message_ids`` over JSON-RPC, on any chatter (tickets, orders, invoices, subscriptions,
contacts), through any method that searches (search, search_count, read_group,
web_search_read, name_search)."""

from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import TicketCase

NOTE = "Mot de passe routeur XK42"
PUBLIC = "Redemarrez le boitier"
LOG = "Client difficile, ne pas rappeler"


@tagged("post_install", "-at_install")
class TestCustomerSearch(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env,
            login="tech_search",
            email="tech_search@support.example",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.ticket = cls._ticket(cls.contact_b, user_id=cls.technician.id)
        cls.order = cls.env["sale.order"].create({"partner_id": cls.company_b.id})
        cls.order.message_subscribe(partner_ids=cls.contact_b.ids)  # as a sent quotation
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.company_b.id,
                "invoice_line_ids": [(0, 0, {"name": "Licence", "price_unit": 30.0})],
            }
        )
        cls.invoice.action_post()
        cls.subscription = cls.env["sale.subscription"].search(
            [("partner_id", "=", cls.company_b.id)], limit=1
        )
        cls.documents = (cls.ticket, cls.order, cls.invoice, cls.subscription)
        cls.notes = cls.env["mail.message"]
        for record in cls.documents:
            # What staff write for colleagues: a note (internal subtype), a logged
            # message (is_internal); and an answer the customer reads.
            cls.notes |= record.message_post(
                body=NOTE,
                author_id=cls.technician.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            cls.notes |= record._message_log(body=LOG, author_id=cls.technician.partner_id.id)
            record.message_post(
                body=PUBLIC,
                author_id=cls.technician.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        # A note about the customer's own contact, in the contacts' chatter.
        cls.partner_note = cls.contact_b.message_post(
            body=NOTE, message_type="comment", subtype_xmlid="mail.mt_note"
        )

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _notes_of(self, record):
        return self.notes.filtered(lambda m: (m.model, m.res_id) == (record._name, record.id))

    def _search(self, record, domain):
        return self._call_kw(record._name, "search", [[("id", "=", record.id), *domain]])

    def test_internal_notes_are_not_found_by_searching(self):
        self.authenticate("beta", "beta")
        for record in self.documents:
            note = self._notes_of(record)
            with self.subTest(model=record._name):
                # The customer reads the document and finds it by the answer it reads.
                self.assertEqual(self._search(record, []), [record.id])
                self.assertEqual(
                    self._search(record, [("message_ids.body", "ilike", PUBLIC)]), [record.id]
                )
                self.assertEqual(
                    self._search(record, [("website_message_ids.body", "ilike", PUBLIC)]),
                    [record.id],
                )
                # Not by what staff wrote for colleagues, whatever the shape of the domain.
                for domain in (
                    [("message_ids.body", "ilike", NOTE[:10])],
                    [("message_ids.body", "ilike", LOG)],
                    [("message_ids.body", "=like", "%XK4%")],
                    [("website_message_ids.body", "ilike", NOTE)],
                    [("message_ids.is_internal", "=", True)],
                    [("message_ids.subtype_id.internal", "=", True)],
                    [("message_ids", "any", [("body", "ilike", NOTE)])],
                    [("message_ids", "in", note.ids)],
                    [("message_ids", "=", note[:1].id)],
                    ["|", ("id", "=", 0), ("message_ids.body", "ilike", NOTE)],
                ):
                    self.assertEqual(self._search(record, domain), [], domain)
                # Nor by their absence (the negation tells as much).
                for domain in (
                    [("message_ids", "not any", [("body", "ilike", NOTE)])],
                    ["!", ("message_ids.body", "ilike", NOTE)],
                    [("message_ids", "not in", note.ids)],
                ):
                    self.assertEqual(self._search(record, domain), [record.id], domain)

    def test_no_search_method_tells_where_notes_are(self):
        """search_count, read_group, web_search_read and name_search search as search."""
        self.authenticate("beta", "beta")
        Ticket = "helpdesk.ticket"
        for domain in (
            [("message_ids.is_internal", "=", True)],
            [("message_ids.body", "ilike", NOTE)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(self._call_kw(Ticket, "search", [domain]), [])
                self.assertEqual(self._call_kw(Ticket, "search_count", [domain]), 0)
                groups = self._call_kw(
                    Ticket,
                    "read_group",
                    [],
                    {"domain": domain, "fields": ["partner_id"], "groupby": ["partner_id"]},
                )
                self.assertEqual(groups, [])
                found = self._call_kw(
                    Ticket,
                    "web_search_read",
                    [],
                    {"domain": domain, "specification": {"display_name": {}}},
                )
                self.assertEqual(found["length"], 0)
                self.assertEqual(
                    self._call_kw(Ticket, "name_search", [], {"name": "", "args": domain}), []
                )
        # Without the note condition, the ticket is there: the calls work.
        self.assertEqual(self._call_kw(Ticket, "search_count", [[]]), 1)

    def test_notes_are_not_found_through_related_documents(self):
        """Through a relation (the ticket's contact) and through the user's own contact
        (res.users holds the contact's chatter by delegation)."""
        self.authenticate("beta", "beta")
        self.assertEqual(
            self._search(self.ticket, [("partner_id.message_ids.body", "ilike", NOTE)]), []
        )
        self.assertEqual(
            self._search(
                self.ticket,
                [("partner_id", "any", [("message_ids", "any", [("body", "ilike", NOTE)])])],
            ),
            [],
        )
        self.assertEqual(self._search(self.user_b, []), [self.user_b.id])
        self.assertEqual(self._search(self.user_b, [("message_ids.body", "ilike", NOTE)]), [])
        self.assertEqual(
            self._search(self.user_b, [("partner_id.message_ids.body", "ilike", NOTE)]), []
        )

    def test_followers_do_not_tell_other_companies(self):
        """The followers' fields are staff's: a customer cannot search with them who
        follows its documents beyond itself."""
        self.ticket.message_subscribe(partner_ids=self.contact_a.ids)
        self.authenticate("beta", "beta")
        for domain in (
            [("message_follower_ids.partner_id", "=", self.contact_a.id)],
            [("message_partner_ids", "in", self.contact_a.ids)],
        ):
            with self.subTest(domain=domain), mute_logger("odoo.http"):
                try:
                    found = self._search(self.ticket, domain)
                except JsonRpcException:
                    found = []
                self.assertEqual(found, [])
        # Its own following is fine.
        self.ticket.message_subscribe(partner_ids=self.contact_b.ids)
        self.assertEqual(
            self._search(self.ticket, [("message_partner_ids", "in", self.contact_b.ids)]),
            [self.ticket.id],
        )
