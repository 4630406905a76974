"""Handing a remote session over on a ticket, and the technician's side."""

from datetime import timedelta

from odoo import fields
from odoo.addons.customer_portal_tickets.tests.common import TicketCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRemoteSessions(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(cls.contact_a, "Export bloqué")
        cls.ticket_b = cls._ticket(cls.contact_b, "Beta ticket")
        cls.technician = new_test_user(
            cls.env, login="tech", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        cls.Session = cls.env["customer.portal.remote.session"]

    def _hand_over(self, ticket, tool="anydesk", code="482 193 507", consent=True, csrf=True):
        data = {"tool": tool, "code": code}
        if consent:
            data["consent"] = "1"
        if csrf:
            data["csrf_token"] = self._page_csrf(f"/my/ticket/{ticket.id}")
        return self.url_open(f"/my/ticket/{ticket.id}/remote", data=data)

    def _sessions(self, ticket):
        return self.Session.search([("ticket_id", "=", ticket.id)])

    # hand-over -------------------------------------------------------------------
    def test_hand_over_with_consent(self):
        self.authenticate("alpha", "alpha")
        page = self._hand_over(self.ticket_a).text
        session = self._sessions(self.ticket_a)
        self.assertEqual(len(session), 1)
        self.assertEqual((session.tool, session.session_code), ("anydesk", "482193507"))
        self.assertEqual(session.consent_partner_id, self.contact_a)
        self.assertTrue(session.consent_date and session.consent_ip)
        self.assertEqual(session.state, "requested")
        self.assertAlmostEqual(
            session.expiry_date,
            session.consent_date + timedelta(hours=4),
            delta=timedelta(seconds=5),
        )
        self.assertIn("o_remote_requested", page)
        self.assertNotIn("482193507", page, "the customer's page never shows the ID")
        self.assertNotIn("482 193 507", page)
        note = self.ticket_a.message_ids.filtered(lambda m: "remote session" in (m.body or ""))
        self.assertTrue(note.subtype_id.internal, "a note for the technicians only")
        self.assertNotIn("482193507", note.body)
        mails = self.env["mail.mail"].search([("model", "=", "helpdesk.ticket")])
        self.assertFalse(any("482193507" in (m.body_html or "") for m in mails))

    def test_consent_and_id_are_required_and_what_was_typed_is_kept(self):
        self.authenticate("alpha", "alpha")
        page = self._hand_over(self.ticket_a, code="12 34 ab", consent=False).text
        self.assertFalse(self._sessions(self.ticket_a))
        self.assertIn("9 or 10 digits", page)
        self.assertIn("Tick the box", page)
        self.assertIn('value="12 34 ab"', page, "the ID typed comes back")
        page = self._hand_over(self.ticket_a, tool="vnc").text
        self.assertIn("Choose the tool", page)
        self.assertFalse(self._sessions(self.ticket_a))

    def test_one_pending_session_per_ticket(self):
        self.authenticate("alpha", "alpha")
        self._hand_over(self.ticket_a)
        self._hand_over(self.ticket_a, tool="teamviewer", code="1 234 567 890")
        sessions = self._sessions(self.ticket_a)
        self.assertEqual(sorted(sessions.mapped("state")), ["expired", "requested"])
        old = sessions.filtered(lambda s: s.state == "expired")
        self.assertFalse(old.session_code, "the replaced ID is erased")

    def test_hand_overs_per_hour_are_limited(self):
        self.env.company.remote_session_hourly_limit = 2
        self.authenticate("alpha", "alpha")
        for _attempt in range(3):
            page = self._hand_over(self.ticket_a).text
        self.assertEqual(len(self._sessions(self.ticket_a)), 2)
        self.assertIn("in the last hour", page)

    def test_resolved_ticket_offers_and_takes_no_hand_over(self):
        self.ticket_a.stage_id = self.stages["done"]
        self.authenticate("alpha", "alpha")
        self.assertNotIn("o_remote_form", self.url_open(f"/my/ticket/{self.ticket_a.id}").text)
        self._hand_over(self.ticket_a)
        self.assertFalse(self._sessions(self.ticket_a))

    def test_another_companys_ticket_by_route_and_forged_post(self):
        self.authenticate("alpha", "alpha")
        response = self._hand_over(self.ticket_b, csrf=False)
        self.assertFalse(self._sessions(self.ticket_b))
        self.assertNotIn("Beta ticket", response.text)
        # A forged post on one's own ticket (no CSRF token) is refused too.
        page = self._hand_over(self.ticket_a, csrf=False).text
        self.assertFalse(self._sessions(self.ticket_a))
        self.assertIn("Nothing was sent", page)

    def test_portal_users_read_their_own_sessions_only_and_never_the_id(self):
        own = self.ticket_a._request_remote_session("anydesk", "482193507", True, self.contact_a)
        other = self.ticket_b._request_remote_session("anydesk", "111222333", True, self.contact_b)
        Session = self.Session.with_user(self.user_a)
        self.assertEqual(Session.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.user_a).read(["tool"])
        with self.assertRaises(AccessError):
            own.with_user(self.user_a).read(["session_code"])

    # expiry ----------------------------------------------------------------------
    def test_expiry_job_erases_ids(self):
        pending = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        connected = self.ticket_b._request_remote_session(
            "teamviewer", "123456789", True, self.contact_b
        )
        connected.state = "connected"
        fresh = self._ticket(self.contact_a, "Autre")._request_remote_session(
            "anydesk", "999888777", True, self.contact_a
        )
        (pending | connected).expiry_date = fields.Datetime.now() - timedelta(minutes=1)
        with self.assertRaises(UserError):
            pending.with_user(self.technician).action_connect()  # before the job runs
        self.env.ref(
            "customer_portal_remote.ir_cron_expire_remote_sessions"
        ).method_direct_trigger()
        self.assertEqual(pending.state, "expired")
        self.assertEqual(connected.state, "ended", "a connected session past its expiry ends")
        self.assertFalse(pending.session_code or connected.session_code)
        self.assertEqual(fresh.session_code, "999888777")

    def test_resolving_the_ticket_closes_its_session(self):
        session = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        self.ticket_a.stage_id = self.stages["done"]
        self.assertEqual(session.state, "expired")
        self.assertFalse(session.session_code)

    def test_customers_cannot_end_or_connect_sessions(self):
        session = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        for action in ("action_end", "action_connect", "action_confirm_connected"):
            with self.subTest(action), self.assertRaises(AccessError):
                getattr(session.with_user(self.user_a), action)()
        self.assertEqual(session.state, "requested")

    def test_technicians_with_own_tickets_rights_see_sessions(self):
        own = new_test_user(
            self.env, login="tech_own", groups="helpdesk_mgmt.group_helpdesk_user_own"
        )
        self.ticket_a.user_id = own
        session = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        ticket = self.ticket_a.with_user(own)
        self.assertEqual(ticket.remote_session_count, 1)
        self.assertEqual(ticket.remote_session_ids.session_code, "482193507")
        self.assertEqual(
            session.with_user(own).action_connect()["params"]["url"], "anydesk:482193507"
        )

    # technician --------------------------------------------------------------------
    def test_technician_connects_and_ends(self):
        session = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        log_before = self.ticket_a.message_ids[0]
        action = session.with_user(self.technician).action_connect()
        # A client action: the web client would prefix "/" to an act_url's anydesk:….
        self.assertEqual(action["type"], "ir.actions.client")
        self.assertEqual(action["params"]["url"], "anydesk:482193507")
        self.assertEqual(session.state, "requested", "handed to the browser, not connected")
        self.assertEqual(self.ticket_a.message_ids[0], log_before)
        session.with_user(self.technician).action_confirm_connected()
        self.assertEqual(session.state, "connected")
        self.assertEqual(session.connected_user_id, self.technician)
        log = self.ticket_a.message_ids[0]
        self.assertIn("connected to the customer's computer with AnyDesk", log.body)
        self.assertNotIn("482193507", log.body)
        session.with_user(self.technician).action_end()
        self.assertEqual(session.state, "ended")
        self.assertFalse(session.session_code)

    def test_connection_link_is_a_setting(self):
        self.env.company.remote_teamviewer_connect_pattern = "tvcontrol1://control?device={id}"
        session = self.ticket_a._request_remote_session(
            "teamviewer", "123 456 789", True, self.contact_a
        )
        self.assertEqual(
            session.action_connect()["params"]["url"], "tvcontrol1://control?device=123456789"
        )

    def test_connection_link_that_runs_code_is_refused(self):
        session = self.ticket_a._request_remote_session(
            "anydesk", "482193507", True, self.contact_a
        )
        for pattern in (
            "javascript:alert({id})",
            " data:text/html,{id}",
            "java\nscript:{id}",
            "{id}",
        ):
            self.env.company.remote_anydesk_connect_pattern = pattern
            with self.subTest(pattern), self.assertRaisesRegex(UserError, "connection link"):
                session.with_user(self.technician).action_connect()
        self.assertEqual(session.state, "requested")
