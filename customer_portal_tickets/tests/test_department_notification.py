"""An administrative request reaches its department: the team's members get the e-mail
(they follow the ticket from then on), or its leader, or the helpdesk managers when the
team has nobody. It used to reach nobody: the demo Logistics team had no member and no
door notified a team."""

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import TicketCase


@tagged("post_install", "-at_install")
class TestDepartmentNotification(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.department = cls.env.ref("customer_portal_tickets.department_logistics")
        cls.team_logistics = cls.department.team_id
        cls.staff = new_test_user(
            cls.env,
            login="logistique",
            name="Luc Logistique",
            email="luc@vendor.example.com",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
            lang="fr_FR",
        )
        cls.manager = new_test_user(
            cls.env,
            login="chef_support",
            name="Claire Chef",
            email="claire@vendor.example.com",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
            lang="fr_FR",
        )
        # Only this test's manager manages the helpdesk.
        managers = cls.env.ref("helpdesk_mgmt.group_helpdesk_manager")
        managers.users = cls.manager

    def _request(self, subject="Livraison du boîtier en retard"):
        self.authenticate("alpha", "alpha")
        self._send(
            "administrative",
            {
                "department_id": str(self.department.id),
                "contact_name": "Julie Compta",
                "contact_email": "julie.compta@alpha.example",
                "subject": subject,
                "description": "La commande n'est toujours pas livrée.",
            },
        )
        ticket = self.Ticket.search([("name", "=", subject)])
        self.assertEqual(ticket.team_id, self.team_logistics)
        return ticket

    def _emails_to(self, user, ticket):
        """The e-mails that ``user`` gets about ``ticket``: the messages it is notified
        of by e-mail."""
        return (
            self.env["mail.notification"]
            .search(
                [
                    ("res_partner_id", "=", user.partner_id.id),
                    ("notification_type", "=", "email"),
                    ("mail_message_id.model", "=", "helpdesk.ticket"),
                    ("mail_message_id.res_id", "=", ticket.id),
                ]
            )
            .mail_message_id
        )

    def test_team_members_get_the_request(self):
        self.team_logistics.write({"user_ids": [Command.set(self.staff.ids)], "user_id": False})
        ticket = self._request()
        message = self._emails_to(self.staff, ticket)
        self.assertEqual(len(message), 1)
        self.assertIn(ticket.number, message.body)
        self.assertIn("Livraison du boîtier en retard", message.body)
        self.assertIn("Nouvelle demande administrative", message.body, "in French")
        self.assertTrue(message.subtype_id.internal, "a note: the customer does not read it")
        self.assertFalse(self._emails_to(self.manager, ticket), "the team handles it")
        self.assertIn(self.staff.partner_id, ticket.message_partner_ids, "follows it")
        self.assertNotIn("Nouvelle demande administrative", self.url_open(ticket.access_url).text)

    def test_the_leader_gets_it_when_the_team_has_no_member(self):
        self.team_logistics.write({"user_ids": [Command.clear()], "user_id": self.staff.id})
        ticket = self._request()
        self.assertTrue(self._emails_to(self.staff, ticket))

    def test_helpdesk_managers_get_it_when_the_team_has_nobody(self):
        self.team_logistics.write({"user_ids": [Command.clear()], "user_id": False})
        ticket = self._request()
        self.assertTrue(self._emails_to(self.manager, ticket))
        self.assertFalse(self._emails_to(self.staff, ticket))
