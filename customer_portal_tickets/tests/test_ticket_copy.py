"""Tickets in copy (seed 002: customers see their tickets and those they are in copy of).
"In copy" is the ticket's list of contacts put there by its own customer (colleagues) or by
staff (anyone); following a ticket, by e-mail or otherwise, gives nothing. One rule decides
for the list, the page, posting, closing and JSON-RPC alike."""

import importlib.util
import json
from pathlib import Path

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from ..hooks import HELPDESK_MGMT_PORTAL_RULE, PORTAL_RULE, portal_rule, uninstall_hook
from .common import TicketCase


@tagged("post_install", "-at_install")
class TestTicketCopy(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        (cls.user_a | cls.user_b).write({"lang": "fr_FR"})
        cls.colleague = cls.env["res.partner"].create(
            {"name": "Marcel Collègue", "parent_id": cls.company_a.id, "email": "marcel@x.example"}
        )
        cls.colleague_user = new_test_user(
            cls.env,
            login="marcel",
            groups="base.group_portal",
            partner_id=cls.colleague.id,
            name=cls.colleague.name,
            lang="fr_FR",
        )
        cls.beta_colleague = cls.env["res.partner"].create(
            {"name": "Berthe Bêta", "parent_id": cls.company_b.id, "email": "berthe@x.example"}
        )
        cls.technician = new_test_user(
            cls.env,
            login="tech",
            email="tech@example.com",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.stages["done"].close_from_portal = True
        cls.followed = cls._ticket(cls.contact_a, "Suivi par Bêta")
        # A follower of another company, as one from before the copy list (or made by a
        # module writing followers directly): it reads nothing for following.
        cls.env["mail.followers"].create(
            {
                "res_model": cls.followed._name,
                "res_id": cls.followed.id,
                "partner_id": cls.contact_b.id,
            }
        )
        cls.copied = cls._ticket(cls.contact_a, "Bêta en copie")
        cls.copied.with_user(cls.technician).write(
            {"cc_partner_ids": [Command.link(cls.contact_b.id)]}
        )
        cls.plain = cls._ticket(cls.contact_a, "Rien de partagé")
        cls.ticket_b = cls._ticket(cls.contact_b, "Ticket de Bêta")

    # helpers ---------------------------------------------------------------------
    def _call_kw(self, model, method, args, kwargs=None):
        """A JSON-RPC model call as the logged-in user; its ``result`` or ``error``."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
        with mute_logger("odoo.http"):
            return self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            ).json()

    def _listed(self, url="/my/tickets"):
        html = self.url_open(url).text
        every = self.followed | self.copied | self.plain | self.ticket_b
        return {ticket for ticket in every if f">{ticket.number}<" in html.replace(" ", "")}

    def _copy(self, ticket, add=None, remove=None):
        """The ticket page's "in copy" form, as the logged-in user sends it."""
        csrf = self._page_csrf(f"/my/ticket/{ticket.id}")
        data = {"csrf_token": csrf}
        if add:
            data["add_partner_id"] = str(add.id)
        if remove:
            data["remove_partner_id"] = str(remove.id)
        return self.url_open(f"/my/ticket/{ticket.id}/copy", data=data)

    @staticmethod
    def _migration(step):
        """A script of the 18.0.1.4.0 migration, loaded as Odoo loads it."""
        path = Path(__file__).parents[1] / "migrations" / "18.0.1.4.0" / f"{step}.py"
        spec = importlib.util.spec_from_file_location(f"copy_migration_{step}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def _assert_search_agrees_with_has_access(self, user):
        """What the user finds (SQL) is what has_access lets it open (Python)."""
        tickets = self.env["helpdesk.ticket"].search([])
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        found = set(Ticket.search([]).ids)
        allowed = {t.id for t in tickets if t.with_user(user).has_access("read")}
        self.assertEqual(found, allowed, user.login)
        return found

    # a follower of another company -------------------------------------------------
    def test_follower_of_another_company_sees_nothing(self):
        self.authenticate("beta", "beta")
        self.assertNotIn(self.followed, self._listed())
        page = self.url_open(f"/my/ticket/{self.followed.id}")
        self.assertNotIn("Suivi par Bêta", page.text)
        found = self._call_kw("helpdesk.ticket", "search_read", [[]], {"fields": ["name"]})
        self.assertNotIn(self.followed.id, [row["id"] for row in found["result"]])
        one = self._call_kw(
            "helpdesk.ticket",
            "search_read",
            [[("id", "=", self.followed.id)]],
            {"fields": ["name"]},
        )
        self.assertEqual(one["result"], [])
        read = self._call_kw(
            "helpdesk.ticket",
            "web_read",
            [[self.followed.id]],
            {"specification": {"name": {}, "description": {}}},
        )
        self.assertIn("error", read)
        self.assertNotIn("Suivi par Bêta", json.dumps(read))
        found = self._assert_search_agrees_with_has_access(self.user_b)
        self.assertNotIn(self.followed.id, found)

    def test_a_stranger_follows_only_when_staff_put_it_in_copy(self):
        # The system or the mail gateway making another company's contact follow: dropped.
        self.plain.message_subscribe(partner_ids=self.beta_colleague.ids)
        self.plain.with_context(from_alias=True).message_subscribe(
            partner_ids=self.beta_colleague.ids
        )
        self.assertNotIn(self.beta_colleague, self.plain.message_partner_ids)
        self.assertFalse(self.plain.cc_partner_ids)
        # A technician adding it as a follower in the backend puts it in copy: it then
        # reads the ticket, and gets its e-mails.
        self.plain.with_user(self.technician).message_subscribe(partner_ids=self.beta_colleague.ids)
        self.assertEqual(self.plain.cc_partner_ids, self.beta_colleague)
        self.assertIn(self.beta_colleague, self.plain.message_partner_ids)

    # a contact put in copy by staff -------------------------------------------------
    def test_contact_in_copy_by_staff_lists_opens_posts_and_closes(self):
        self.assertIn(self.contact_b, self.copied.message_partner_ids, "gets the e-mails")
        self.authenticate("beta", "beta")
        self.assertEqual(self._listed(), {self.copied, self.ticket_b})
        page = self.url_open(f"/my/ticket/{self.copied.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Bêta en copie", page.text)
        self.assertNotIn("error", self._post(self.copied, "Réponse de Bêta en copie"))
        self.assertIn("Réponse de Bêta en copie", self._bodies(self.copied))
        read = self._call_kw(
            "helpdesk.ticket", "web_read", [[self.copied.id]], {"specification": {"name": {}}}
        )
        self.assertEqual(read["result"][0]["name"], "Bêta en copie")
        self.url_open(
            "/ticket/close",
            data={
                "ticket_id": str(self.copied.id),
                "stage_id": str(self.stages["done"].id),
                "csrf_token": self._page_csrf(f"/my/ticket/{self.copied.id}"),
            },
        )
        self.assertEqual(self.copied.stage_id, self.stages["done"])

    def test_search_and_has_access_agree(self):
        # Beta's colleague is not in copy: the copy is for the contact staff put there.
        berthe = new_test_user(
            self.env,
            login="berthe",
            groups="base.group_portal",
            partner_id=self.beta_colleague.id,
            name=self.beta_colleague.name,
        )
        expected = {
            self.user_a: self.followed | self.copied | self.plain,
            self.user_b: self.copied | self.ticket_b,
            berthe: self.ticket_b,
        }
        ours = self.followed | self.copied | self.plain | self.ticket_b
        for user, tickets in expected.items():
            with self.subTest(user=user.login):
                found = self._assert_search_agrees_with_has_access(user)
                self.assertEqual(found & set(ours.ids), set(tickets.ids))
        # Out of copy, out of sight (and out of the e-mails).
        self.copied.with_user(self.technician).cc_partner_ids = [Command.clear()]
        self.assertNotIn(self.contact_b, self.copied.message_partner_ids)
        found = self._assert_search_agrees_with_has_access(self.user_b)
        self.assertNotIn(self.copied.id, found)

    # what a customer may put in copy ----------------------------------------------------
    def test_customer_cannot_put_another_companys_contact_in_copy(self):
        self.authenticate("alpha", "alpha")
        answer = self._call_kw(
            "helpdesk.ticket",
            "write",
            [[self.plain.id], {"cc_partner_ids": [[4, self.contact_b.id]]}],
            {"context": {"lang": "fr_FR"}},
        )
        self.assertIn("error", answer)
        self.assertIn("autorisé", answer["error"]["data"]["message"], "in French")
        self.assertFalse(self.plain.cc_partner_ids)
        # The model's rule, whatever door writes as the customer (sudo or not).
        as_alpha = self.plain.with_user(self.user_a).with_context(lang="fr_FR").sudo()
        # (Raised after the write, as Odoo's constraints are: the door's transaction or
        # savepoint is rolled back.)
        with (
            self.assertRaisesRegex(ValidationError, "que des contacts de votre société"),
            self.env.cr.savepoint(),
        ):
            as_alpha.write({"cc_partner_ids": [Command.link(self.contact_b.id)]})
        self.assertFalse(self.plain.cc_partner_ids)
        with (
            self.assertRaisesRegex(ValidationError, "que des contacts de votre société"),
            self.env.cr.savepoint(),
        ):
            self.Ticket.with_user(self.user_a).with_context(lang="fr_FR").sudo().create(
                {
                    "name": "Avec Bêta",
                    "description": "<p>x</p>",
                    "cc_partner_ids": [Command.link(self.contact_b.id)],
                }
            )
        # The page offers colleagues only, and refuses a forged one.
        page = self.url_open(f"/my/ticket/{self.plain.id}").text
        self.assertIn("Marcel Collègue", page)
        self.assertNotIn("Contact of Beta Logistique", page)
        response = self._copy(self.plain, add=self.contact_b)
        self.assertEqual(response.status_code, 200)
        self.assertIn("que des contacts de votre société", response.text)
        self.assertFalse(self.plain.cc_partner_ids)
        # A contact staff put in copy may not change the copy of another company's ticket.
        self.authenticate("beta", "beta")
        page = self.url_open(f"/my/ticket/{self.copied.id}").text
        self.assertNotIn("o_ticket_copy_form", page)
        response = self._copy(self.copied, add=self.beta_colleague)
        self.assertIn("Seuls les contacts du client", response.text)
        self.assertEqual(self.copied.cc_partner_ids, self.contact_b)
        # Staff keep the other company's contact in copy when the customer edits the list.
        self.authenticate("alpha", "alpha")
        self._copy(self.copied, add=self.colleague)
        self.assertEqual(self.copied.cc_partner_ids, self.contact_b | self.colleague)

    def test_customer_puts_a_colleague_in_copy_from_the_portal(self):
        self.authenticate("marcel", "marcel")
        self.assertNotIn(self.plain, self._listed("/my/tickets?filterby=copy"))
        self.authenticate("alpha", "alpha")
        page = self.url_open(f"/my/ticket/{self.plain.id}").text
        self.assertIn("En copie", page)
        self.assertIn("o_ticket_copy_form", page)
        response = self._copy(self.plain, add=self.colleague)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.plain.cc_partner_ids, self.colleague)
        self.assertIn(self.colleague, self.plain.message_partner_ids, "gets the e-mails")
        self.assertIn("Marcel Collègue", response.text)

        self.authenticate("marcel", "marcel")
        self.assertEqual(self._listed("/my/tickets?filterby=copy"), {self.plain})
        self.assertIn("Rien de partagé", self.url_open(f"/my/ticket/{self.plain.id}").text)

        self.authenticate("alpha", "alpha")
        self._copy(self.plain, remove=self.colleague)
        self.assertFalse(self.plain.cc_partner_ids)
        self.assertNotIn(self.colleague, self.plain.message_partner_ids)

    # upgrade and uninstall -----------------------------------------------------------
    def test_upgrade_drops_followers_of_other_companies_and_copies_colleagues(self):
        rule = portal_rule(self.env)
        rule.domain_force = "[('commercial_partner_id', '=', user.commercial_partner_id.id)]"
        self.plain.message_subscribe(partner_ids=(self.colleague | self.beta_colleague).ids)
        self.env.flush_all()
        for step in ("pre-migrate", "post-migrate"):
            self._migration(step).migrate(self.env.cr, "18.0.1.3.0")
        self.env.invalidate_all()
        self.assertEqual(rule.domain_force, PORTAL_RULE)
        self.assertEqual(self.plain.cc_partner_ids, self.colleague)
        self.assertFalse(self.followed.cc_partner_ids, "another company's follower")
        self.assertNotIn(
            self.contact_b, self.followed.message_partner_ids, "no more e-mails of it either"
        )
        self.assertIn(self.contact_b, self.copied.message_partner_ids, "in copy: still follows")
        self.assertEqual(self.copied.cc_partner_ids, self.contact_b, "staff's copy kept")
        self._assert_search_agrees_with_has_access(self.user_b)
        self.assertFalse(self.plain.with_user(self.user_b).has_access("read"))

    def test_uninstall_gives_helpdesk_mgmt_its_rule_back(self):
        rule = portal_rule(self.env)
        self.assertEqual(rule.domain_force, PORTAL_RULE)
        uninstall_hook(self.env)
        self.assertEqual(rule.domain_force, HELPDESK_MGMT_PORTAL_RULE)
        self.assertNotIn("portal_partner_ids", rule.domain_force)
