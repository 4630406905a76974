import re

from odoo.addons.customer_portal_subscription.tests.common import SubscriptionCaseMixin
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalTicketList(SubscriptionCaseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_subscription_data()
        cls.company_a, cls.contact_a, cls.user_a = cls._customer("Alpha Transports", "alpha")
        cls.colleague = cls.env["res.partner"].create(
            {"name": "Marcel Colleague", "parent_id": cls.company_a.id, "email": "m@x.example"}
        )
        cls.company_b, cls.contact_b, cls.user_b = cls._customer("Beta Logistique", "beta")
        cls.technician = new_test_user(
            cls.env,
            login="tech",
            email="tech@example.com",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.software = cls.env["product.product"].create(
            {"name": "Fleet Manager", "type": "service", "is_supported_software": True}
        )
        stages = {
            s: cls.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{s}")
            for s in ("new", "in_progress", "done")
        }
        Ticket = cls.env["helpdesk.ticket"]

        def ticket(name, partner, stage, **values):
            return Ticket.create(
                {
                    "name": name,
                    "description": values.pop("description", "<p>details</p>"),
                    "partner_id": partner.id,
                    "stage_id": stages[stage].id,
                    "user_id": False,
                    **values,
                }
            )

        cls.t_new = ticket(
            "Carte vide",
            cls.contact_a,
            "new",
            ticket_kind="incident",
            urgency="critical",
            software_product_id=cls.software.id,
        )
        cls.t_assigned = ticket(
            "Paramétrage pauses",
            cls.colleague,
            "in_progress",
            user_id=cls.technician.id,
            description="<p>pause de 45 minutes</p>",
        )
        cls.t_done = ticket("Export paie", cls.contact_a, "done", ticket_kind="service")
        cls.t_admin = ticket(
            "Double prélèvement", cls.contact_a, "new", ticket_kind="administrative"
        )
        cls.t_beta = ticket("Beta secret", cls.contact_b, "new")
        # Staff put Alpha's contact in copy (following a ticket gives nothing).
        cls.t_beta_cc = ticket(
            "Beta with Alpha in copy", cls.contact_b, "new", cc_partner_ids=cls.contact_a.ids
        )
        # Support answered the assigned ticket last: it waits for the customer.
        cls.t_assigned.with_user(cls.technician).message_post(
            body="Pouvez-vous préciser le véhicule ?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # An internal note never makes a ticket match a customer's search.
        cls.t_new.with_user(cls.technician).message_post(
            body="client difficile", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        cls.t_done.message_post(
            body="Le fichier exporté est vide",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=cls.contact_a.id,
        )

    def _numbers(self, url):
        html = self.url_open(url).text
        mine = (self.t_new, self.t_assigned, self.t_done, self.t_admin, self.t_beta, self.t_beta_cc)
        return {t.number for t in mine if re.search(rf">\s*{t.number}\s*<", html)}

    def test_company_tickets_and_those_in_copy_never_another_companys(self):
        self.authenticate("alpha", "alpha")
        numbers = self._numbers("/my/tickets")
        html = self.url_open("/my/tickets").text
        self.assertTrue(numbers, re.sub(r"<[^>]+>", " ", html)[-3000:])
        expected = {
            t.number
            for t in (self.t_new, self.t_assigned, self.t_done, self.t_admin, self.t_beta_cc)
        }
        self.assertEqual(numbers, expected)
        response = self.url_open(f"/my/ticket/{self.t_beta.id}")
        self.assertNotIn("Beta secret", response.text)

    def test_filters(self):
        self.authenticate("alpha", "alpha")
        n = {
            t: t.number
            for t in (self.t_new, self.t_assigned, self.t_done, self.t_admin, self.t_beta_cc)
        }
        expected = {
            "open": {n[self.t_new], n[self.t_assigned], n[self.t_admin], n[self.t_beta_cc]},
            "closed": {n[self.t_done]},
            "assigned": {n[self.t_assigned]},
            "unassigned": {n[self.t_new], n[self.t_admin], n[self.t_beta_cc]},
            "waiting": {n[self.t_assigned]},
        }
        for filterby, numbers in expected.items():
            with self.subTest(filterby=filterby):
                self.assertEqual(self._numbers(f"/my/tickets?filterby={filterby}"), numbers)

    def test_sortings(self):
        self.authenticate("alpha", "alpha")
        for sortby, key, reverse in (("name", "name", False), ("number", "number", True)):
            with self.subTest(sortby=sortby):
                html = self.url_open(f"/my/tickets?sortby={sortby}&filterby=all").text
                tickets = [self.t_new, self.t_assigned, self.t_done, self.t_admin]
                expected = sorted(tickets, key=lambda t: t[key], reverse=reverse)
                positions = [html.index(t.number) for t in expected]
                self.assertEqual(positions, sorted(positions))

    def test_sorting_by_state_in_the_order_of_the_workflow(self):
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/tickets?sortby=stage&filterby=all").text
        # The menus and the columns say what the badge says, the state (not the stage).
        self.assertRegex(html, r"sortby=stage[^>]*dropdown-item[^>]*>\s*<span>State</span>")
        self.assertRegex(html, r"<th[^>]*>Last change</th>")
        self.assertNotRegex(html, r">\s*(Stage|Last Stage Update|Search in Stage)\s*<")
        tickets = [self.t_new, self.t_assigned, self.t_done, self.t_admin]
        shown = sorted(tickets, key=lambda t: html.index(t.number))
        self.assertEqual([t.portal_state for t in shown], ["new", "new", "waiting", "resolved"])

    def test_group_by_kind(self):
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/tickets?groupby=kind").text
        self.assertEqual(
            html.count('name="th_groupby_kind"'), 3
        )  # incident, service, administrative

    def test_cells_in_the_readers_language_and_time_zone(self):
        """The list prints its cells without t-field (labels and date format prepared
        once per page): a French customer in Nouméa reads French labels and its own
        dates."""
        self.user_a.write({"lang": "fr_FR", "tz": "Pacific/Noumea"})
        # 23:30 UTC is the next day in Nouméa (UTC+11).
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = '2026-03-14 23:30:00' WHERE id = %s",
            [self.t_new.id],
        )
        self.env.invalidate_all()
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/tickets").text
        row = re.search(rf"<tr>(?:(?!</tr>).)*?>\s*{self.t_new.number}\s*<.*?</tr>", html, re.S)
        self.assertTrue(row, html)
        cells = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row.group(0)))
        for text in ("Carte vide", "Fleet Manager", "Incident", "Critique", "Nouveau"):
            self.assertIn(text, cells)
        self.assertIn("15/03/2026", cells)
        self.assertNotIn("Critical", cells)
        html = self.url_open("/my/tickets?groupby=stage").text
        self.assertRegex(html, r"État\s*:\s*</em>\s*<span>\s*Résolu")

    def test_searches(self):
        self.authenticate("alpha", "alpha")
        cases = [
            ("all", "45 minutes", {self.t_assigned}),  # description
            ("name", "Export", {self.t_done}),
            ("message", "fichier exporté", {self.t_done}),
            ("message", "préciser le véhicule", {self.t_assigned}),
            ("all", "client difficile", set()),  # an internal note
            ("partner", "Marcel", {self.t_assigned}),
            ("number", self.t_admin.number, {self.t_admin}),
            ("all", "Beta secret", set()),
        ]
        for search_in, search, tickets in cases:
            with self.subTest(search_in=search_in, search=search):
                numbers = self._numbers(f"/my/tickets?search_in={search_in}&search={search}")
                self.assertEqual(numbers, {t.number for t in tickets})

    def test_list_query_count_does_not_grow_with_tickets(self):
        values = {"software_product_id": self.software.id, "user_id": self.technician.id}
        self.t_beta.write(values)
        self.t_beta_cc.unlink()  # beta starts with one ticket
        self.authenticate("beta", "beta")
        self.url_open("/my/tickets")
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.url_open("/my/tickets")
        few = self.cr.sql_log_count - before
        # 80 tickets in all: one full page.
        self.env["helpdesk.ticket"].create(
            [
                {"name": f"T{i}", "description": "x", "partner_id": self.contact_b.id, **values}
                for i in range(79)
            ]
        )
        self.url_open("/my/tickets")
        self.env.invalidate_all()
        with self.assertQueryCount(few):
            html = self.url_open("/my/tickets").text
        self.assertGreaterEqual(html.count("/my/ticket/"), 80)
        before = self.cr.sql_log_count
        self.env.invalidate_all()
        self.url_open("/my/tickets")
        self.assertEqual(self.cr.sql_log_count - before, few)

    # cost at scale (the figures themselves: make benchmark-scale) --------------------
    def _queries(self, url):
        """Queries the server runs to answer ``url`` (after a request that warms it)."""
        self.url_open(url)
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.cr.sql_log_count - before

    def test_list_costs_the_same_for_10_tickets_or_40(self):
        def add(count):
            for number in range(count):
                ticket = self.t_new.copy({"name": f"Encore {number}"})
                ticket.with_user(self.technician).message_post(
                    body="Réponse", message_type="comment", subtype_xmlid="mail.mt_comment"
                )

        self.authenticate("alpha", "alpha")
        urls = ["/my/tickets", "/my/tickets?filterby=waiting", "/my/tickets?groupby=stage"]
        add(5)
        few = {url: self._queries(url) for url in urls}
        add(30)
        many = {url: self._queries(url) for url in urls}
        self.assertEqual(many, few)

    def test_waiting_flag_follows_a_deleted_question(self):
        ticket = self.t_new
        question = ticket.with_user(self.technician).message_post(
            body="Une question ?", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertTrue(ticket.is_waiting_for_customer)
        # Deleted from the chatter (emptied, as mail's message update does).
        ticket.with_user(self.technician)._message_update_content(question, "", attachment_ids=[])
        self.assertFalse(ticket.is_waiting_for_customer, "no question left")

    def test_waiting_flag_follows_the_conversation(self):
        ticket = self.t_new
        self.assertFalse(ticket.is_waiting_for_customer)
        ticket.with_user(self.technician).message_post(
            body="Note", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(ticket.is_waiting_for_customer, "an internal note asks nothing")
        ticket.with_user(self.technician).message_post(
            body="Une question ?", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertTrue(ticket.is_waiting_for_customer)
        ticket.with_user(self.user_a).message_post(
            body="Voici la réponse", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(ticket.is_waiting_for_customer)
        # The flag is what the messages say, as a recomputation from them finds.
        flags = {t: t.is_waiting_for_customer for t in self.env["helpdesk.ticket"].search([])}
        self.env["helpdesk.ticket"]._recompute_waiting_for_customer()
        self.assertEqual(
            {t: t.is_waiting_for_customer for t in self.env["helpdesk.ticket"].search([])}, flags
        )

    # one state vocabulary: the badge, the filter and the groups read the same state ----
    def _row_state(self, html, ticket):
        """The state the list's row of ``ticket`` shows (its badge)."""
        row = re.search(rf"<tr>(?:(?!</tr>).)*?>\s*{ticket.number}\s*<.*?</tr>", html, re.S)
        self.assertTrue(row, f"{ticket.number} is not in the list")
        badges = re.findall(r'o_ticket_portal_state[^"]*"[^>]*>\s*([^<]+?)\s*<', row.group(0))
        self.assertTrue(badges, row.group(0))
        return badges[0]

    def test_waiting_reads_the_same_in_the_filter_the_badge_and_the_page(self):
        """A ticket support put in the waiting stage, and one support answered last in
        progress: both read "Waiting for You" on their row and page, and the filter
        "Waiting for my reply" finds both; once the customer answers, neither."""
        awaiting = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        self.t_new.with_user(self.technician).write({"stage_id": awaiting.id})
        # Created in the waiting stage (imported, or the demo's).
        created = self.t_admin.copy({"name": "Attente", "stage_id": awaiting.id})
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/tickets").text
        self.assertEqual(self._row_state(html, created), "Waiting for You")
        for ticket in (self.t_new, self.t_assigned):
            with self.subTest(ticket=ticket.name):
                self.assertEqual(self._row_state(html, ticket), "Waiting for You")
                page = self.url_open(f"/my/ticket/{ticket.id}").text
                self.assertRegex(page, r"o_ticket_portal_state[^>]*>\s*Waiting for You\s*<")
        self.assertEqual(
            self._numbers("/my/tickets?filterby=waiting"),
            {self.t_new.number, self.t_assigned.number},
        )
        self.assertIn(created.number, self.url_open("/my/tickets?filterby=waiting").text)
        for ticket in (self.t_new, self.t_assigned):
            ticket.with_user(self.user_a).message_post(
                body="Voici la réponse", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(self._numbers("/my/tickets?filterby=waiting"), set())
        html = self.url_open("/my/tickets").text
        for ticket in (self.t_new, self.t_assigned):
            self.assertEqual(self._row_state(html, ticket), "In Progress")

    def test_rejected_and_cancelled_tickets_read_their_own_state(self):
        for xmlid, label in (("rejected", "Rejected"), ("cancelled", "Cancelled")):
            with self.subTest(state=xmlid):
                stage = self.env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{xmlid}")
                self.t_admin.write({"stage_id": stage.id})
                self.authenticate("alpha", "alpha")
                self.assertEqual(
                    self._row_state(self.url_open("/my/tickets").text, self.t_admin), label
                )
                page = self.url_open(f"/my/ticket/{self.t_admin.id}").text
                self.assertRegex(page, rf"o_ticket_portal_state[^>]*>\s*{label}\s*<")
                self.assertNotRegex(page, r"o_ticket_portal_state[^>]*>\s*Resolved\s*<")

    def test_group_by_state_in_the_order_of_the_workflow(self):
        rejected = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        self.t_beta_cc.write({"stage_id": rejected.id})
        self.authenticate("alpha", "alpha")
        html = self.url_open("/my/tickets?groupby=stage").text
        groups = re.findall(
            r'name="th_groupby_stage".*?</em>\s*<span>\s*([^<]+?)\s*</span>', html, re.S
        )
        self.assertEqual(groups, ["New", "Waiting for You", "Resolved", "Rejected"])
