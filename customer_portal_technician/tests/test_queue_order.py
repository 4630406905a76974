"""The queue as the technician works it: a breached ticket keeps its deadline and comes
first, its form says how late it is; the breach job tells the staff once per ticket, in
their language and time zone; a technician who answers, starts a timer on or resolves
an unassigned ticket takes it."""

from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .. import uninstall_hook
from .common import TechnicianCase, utc

# Monday 30 November 2026, 9:00 in Paris.
MONDAY_MORNING = utc(2026, 11, 30, 8, 0)


@tagged("post_install", "-at_install")
class TestBreachedFirst(TechnicianCase):
    def _queue(self, tickets):
        action = self.env.ref("customer_portal_technician.action_ticket_queue")
        list_view = action.view_ids.filtered(lambda v: v.view_mode == "list").view_id
        view = self.Ticket.get_views([(list_view.id, "list")])
        order = view["views"]["list"]["arch"].split('default_order="')[1].split('"')[0]
        domain = [*safe_eval(action.domain), ("id", "in", tickets.ids)]
        return self.Ticket.search(domain, order=order)

    def test_a_breached_ticket_heads_the_queue_and_tells_how_late(self):
        # 4 stars, serious: an answer is due on Monday 15:00 (Paris).
        late = self._arrived(MONDAY_MORNING, level="4", urgency="serious")
        # 5 stars, low, arrived at 15:00: due at 19:00.
        on_time = self._arrived(utc(2026, 11, 30, 14, 0), level="5", urgency="low")
        with freeze_time(utc(2026, 11, 30, 16, 30)):  # Monday 17:30
            self.env["helpdesk.ticket.sla"]._cron_record_breaches()
            self.assertEqual(self._deadlines(late)["first_response"][0], "expired")
            self.assertEqual(self._queue(late | on_time).ids, [late.id, on_time.id], "late first")
            self.assertEqual(late.queue_deadline, utc(2026, 11, 30, 14, 0), "its deadline stays")
            self.assertTrue(late.sla_expired)
            late.invalidate_recordset(["queue_late_by"])
            late_by = late.with_context(lang="fr_FR").queue_late_by.replace("\xa0", " ")
            self.assertEqual(late_by, "En retard de 2 heures 30 minutes")
            self.assertFalse(on_time.queue_late_by)
        # The form shows the deadline and the lateness to the technician.
        form = self.Ticket.with_user(self.technician).get_views([(False, "form")])
        arch = form["views"]["form"]["arch"]
        self.assertIn('name="queue_deadline"', arch)
        self.assertIn('name="queue_late_by"', arch)
        # Answered late: the first response no longer holds the ticket at the top.
        with freeze_time(utc(2026, 11, 30, 16, 45)):
            late.with_user(self.technician).message_post(
                body="Nous regardons.", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(late.queue_deadline, self._deadlines(late)["resolution"][1])
        # Waiting for the customer: out of the queue's order, breached or not.
        late.stage_id = self.stages["awaiting"]
        self.assertFalse(late.queue_deadline)

    def test_the_queue_list_shows_what_a_technician_needs(self):
        action = self.env.ref("customer_portal_technician.action_ticket_queue")
        view = action.view_ids.filtered(lambda v: v.view_mode == "list").view_id
        arch = self.Ticket.with_user(self.technician).get_views([(view.id, "list")])
        arch = arch["views"]["list"]["arch"]
        for name in (
            "number",
            "commercial_partner_id",
            "name",
            "support_star_level",
            "urgency",
            "queue_deadline",
            "stage_id",
        ):
            self.assertIn(f'name="{name}"', arch)
        for name in ("planned_hours", "total_hours", "remaining_hours"):
            self.assertNotIn(f'name="{name}"', arch, "no time columns in the queue")
        self.assertNotIn("text-truncate", arch)


@tagged("post_install", "-at_install")
class TestBreachAlerts(TechnicianCase):
    def test_one_french_alert_per_ticket_in_the_technicians_time_zone(self):
        (self.technician | self.leader).write({"lang": "fr_FR", "tz": "Europe/Paris"})
        # 5 stars, critical: answer due at 10:00 (Paris), resolution at 13:00.
        ticket = self._arrived(
            MONDAY_MORNING, level="5", urgency="critical", user_id=self.technician.id
        )
        Sla = self.env["helpdesk.ticket.sla"].with_context(lang="en_US")
        with freeze_time(utc(2026, 12, 1, 12, 0)):
            Sla._cron_record_breaches()
            Sla._cron_record_breaches()
        notes = ticket.message_ids.filtered(lambda m: "SLA" in (m.body or ""))
        self.assertEqual(len(notes), 1, "one note for the ticket, not one per deadline")
        body = str(notes.body).replace("&nbsp;", " ").replace("\xa0", " ")
        self.assertIn("SLA dépassé : 5 étoiles, urgence critique : première réponse", body)
        self.assertIn("30/11/2026 10:00", body, "French date, Paris time")
        self.assertIn("30/11/2026 13:00", body)
        self.assertTrue(notes.subtype_id.internal)
        self.assertEqual(len(ticket.activity_ids), 2, "one activity per person")
        self.assertEqual(ticket.activity_ids.user_id, self.technician | self.leader)
        for activity in ticket.activity_ids:
            self.assertEqual(activity.summary, f"SLA dépassé sur {ticket.number}")
            self.assertIn("30/11/2026 10:00", activity.note)


@tagged("post_install", "-at_install")
class TestTakingTickets(TechnicianCase):
    def _unassigned(self):
        return self._arrived(MONDAY_MORNING, stage="new")

    def test_answering_the_customer_takes_the_ticket(self):
        ticket = self._unassigned()
        ticket.with_user(self.technician).message_post(
            body="Note interne", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        ticket.with_user(self.user_a).message_post(
            body="Des nouvelles ?", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(ticket.user_id, "a note or the customer's message takes nothing")
        self.assertEqual(ticket.stage_id, self.stages["new"])
        # The backend's chatter and XML-RPC go through message_post.
        self._xmlrpc(
            "tech",
            "helpdesk.ticket",
            "message_post",
            [ticket.id],
            body="Nous regardons.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.user_id, self.technician)
        self.assertEqual(ticket.stage_id, self.stages["in_progress"])
        # What the customer reads on its ticket page.
        self.authenticate("alpha", "alphaxxx")
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertIn("Karim Technicien", page)
        # Support wrote last: the customer reads that the ticket waits for its answer.
        self.assertIn("Waiting for You", page)

    def test_starting_a_timer_takes_the_ticket(self):
        ticket = self._unassigned()
        self._start_timer(ticket)
        self.assertEqual(ticket.user_id, self.technician)
        self.assertEqual(ticket.stage_id, self.stages["in_progress"])

    def test_an_assigned_ticket_stays_with_its_technician(self):
        other = new_test_user(self.env, login="other", groups="helpdesk_mgmt.group_helpdesk_user")
        ticket = self._arrived(MONDAY_MORNING, stage="new", user_id=other.id)
        self._start_timer(ticket)
        self.assertEqual(ticket.user_id, other)
        self.assertEqual(ticket.stage_id, self.stages["new"])

    def test_resolving_an_unassigned_ticket_sends_the_rating_mail_from_the_technician(self):
        self.contact_a.lang = "fr_FR"
        ticket = self._unassigned()
        ticket.with_user(self.technician).stage_id = self.stages["done"]
        self.assertEqual(ticket.stage_id, self.stages["done"])
        self.assertEqual(ticket.user_id, self.technician)
        request = ticket.message_ids.filtered(lambda m: "/rate/" in (m.body or ""))
        self.assertEqual(len(request), 1)
        self.assertEqual(request.author_id, self.technician.partner_id)
        self.assertIn(self.technician.email, request.email_from)


@tagged("post_install", "-at_install")
class TestFindingACustomer(TechnicianCase):
    def test_the_default_customer_search_finds_an_access_code(self):
        code = self.company_a.sudo().support_access_code
        self.assertTrue(code, "a 4-star customer has a phone-line code")
        Partner = self.env["res.partner"].with_user(self.technician)
        arch = Partner.get_views([(False, "search")])["views"]["search"]["arch"]
        # What typing the code and pressing Enter searches: the first field's domain.
        first = arch.split("<field ", 1)[1]
        self.assertTrue(first.startswith('name="name"'), first[:40])
        filter_domain = first.split('filter_domain="', 1)[1].split('"', 1)[0]
        domain = safe_eval(filter_domain.replace("&apos;", "'"), {"self": code.lower()})
        self.assertIn(self.company_a, Partner.search(domain))
        by_name = safe_eval(filter_domain.replace("&apos;", "'"), {"self": "Alpha Transports"})
        self.assertIn(self.company_a, Partner.search(by_name), "names are still found")


@tagged("post_install", "-at_install")
class TestUninstallHook(TechnicianCase):
    def test_gives_helpdesk_mgmt_its_menu_back_and_detaches_the_matrix(self):
        ticket = self._arrived(MONDAY_MORNING)
        self.assertTrue(ticket.ticket_sla_ids)
        menu = self.env.ref("helpdesk_mgmt.helpdesk_ticket_main_menu")
        self.assertEqual(
            menu.action, self.env.ref("customer_portal_technician.action_ticket_queue")
        )
        uninstall_hook(self.env)
        self.assertFalse(menu.action, "helpdesk_mgmt's menu has no action of its own")
        self.assertFalse(ticket.ticket_sla_ids, "the matrix's lines go before its cells")
