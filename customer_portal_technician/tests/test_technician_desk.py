"""The technician's desk: the queue in deadline order, ITIL properties, bulk changes,
timers stopped on resolution, quick replies in French, satisfaction."""

from lxml import etree

from odoo.tests import Form, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import TechnicianCase, utc

MONDAY_MORNING = utc(2026, 11, 30, 8, 0)


@tagged("post_install", "-at_install")
class TestQueue(TechnicianCase):
    def _queue(self):
        """Tickets as the queue's list shows them: its action's domain, the list's order."""
        action = self.env.ref("customer_portal_technician.action_ticket_queue")
        views = self.Ticket.get_views([(False, "list")])
        order = views["views"]["list"]["arch"].split('default_order="')[1].split('"')[0]
        customers = (self.contact_a | self.contact_b).ids
        domain = [*safe_eval(action.domain), ("partner_id", "in", customers)]
        return self.Ticket.search(domain, order=order)

    def test_queue_is_in_deadline_order(self):
        # Arrival alone would put them the other way round.
        three_low = self._arrived(utc(2026, 11, 30, 8, 0), level="3", urgency="low")
        four_serious = self._arrived(utc(2026, 11, 30, 9, 0), level="4", urgency="serious")
        five_critical = self._arrived(utc(2026, 11, 30, 10, 0), level="5", urgency="critical")
        waiting = self._arrived(
            utc(2026, 11, 30, 7, 0), level="5", urgency="critical", stage="awaiting"
        )
        done = self._arrived(utc(2026, 11, 30, 7, 0), level="5", urgency="critical", stage="done")
        queue = self._queue()
        # Ids, in order (recordsets compare as sets).
        self.assertEqual(
            queue.ids[:4],
            [five_critical.id, four_serious.id, three_low.id, waiting.id],
            "by deadline; waiting for the customer after the running ones",
        )
        self.assertNotIn(done, queue)

    def test_queue_filters(self):
        mine = self._arrived(MONDAY_MORNING, user_id=self.technician.id)
        unassigned = self._arrived(MONDAY_MORNING)
        waiting = self._arrived(MONDAY_MORNING, stage="awaiting", user_id=self.technician.id)
        search = self.Ticket.with_user(self.technician).search
        view = self.Ticket.get_views([(False, "search")])["views"]["search"]["arch"]
        for name in ("my_queue", "unassigned", "breached", "due_today", "waiting_customer"):
            self.assertIn(f'name="{name}"', view)
        theirs = self._arrived(MONDAY_MORNING, user_id=self.leader.id)
        scope = [("id", "in", (mine | unassigned | waiting | theirs).ids)]
        # "My queue", the technician's default: what the filter of the view says.
        my_queue = etree.fromstring(view).xpath("//filter[@name='my_queue']")[0].get("domain")
        self.assertEqual(
            search([*scope, *safe_eval(my_queue, {"uid": self.technician.id})]),
            mine | unassigned | waiting,
            "the technician's own tickets and those nobody has taken, not a colleague's",
        )
        self.assertEqual(search([*scope, ("portal_state", "=", "waiting")]), waiting)
        with freeze_time(utc(2026, 12, 3, 12, 0)):
            self.assertEqual(
                search([*scope, ("sla_expired", "=", True)]), mine | unassigned | theirs
            )

    def test_itil_type_from_the_portal_kind_and_impact(self):
        incident = self._arrived(MONDAY_MORNING, kind="incident")
        service = self._arrived(MONDAY_MORNING, kind="service", urgency=False)
        self.assertEqual(incident.itil_type, "incident")
        self.assertEqual(service.itil_type, "request")
        form = Form(service.with_user(self.technician))
        form.itil_type = "change"
        form.impact = "site_down"
        form.save()
        self.assertEqual((service.itil_type, service.impact), ("change", "site_down"))

    def test_bulk_stage_change_and_assignment(self):
        tickets = self._arrived(MONDAY_MORNING) | self._arrived(MONDAY_MORNING, level="5")
        wizard = Form(
            self.env["helpdesk.ticket.bulk.update"]
            .with_user(self.technician)
            .with_context(active_model="helpdesk.ticket", active_ids=tickets.ids)
        )
        self.assertEqual(wizard.ticket_count, 2)
        wizard.stage_id = self.stages["in_progress"]
        wizard.user_id = self.technician
        wizard.save().action_apply()
        self.assertEqual(tickets.stage_id, self.stages["in_progress"])
        self.assertEqual(tickets.user_id, self.technician)
        wizard = Form(
            self.env["helpdesk.ticket.bulk.update"]
            .with_user(self.technician)
            .with_context(active_model="helpdesk.ticket", active_ids=tickets.ids)
        )
        wizard.stage_id = self.stages["done"]
        wizard.save().action_apply()
        self.assertTrue(all(t.closed_date for t in tickets))
        self.assertFalse(any(tickets.mapped("queue_deadline")), "resolved tickets leave the queue")


@tagged("post_install", "-at_install")
class TestTimeEntries(TechnicianCase):
    def test_resolving_stops_the_running_timer(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        with freeze_time(utc(2026, 11, 30, 9, 0)):
            line = self._start_timer(ticket)
        self.assertEqual(ticket.with_user(self.technician).show_time_control, "stop")
        with freeze_time(utc(2026, 11, 30, 9, 45)):
            ticket.with_user(self.technician).stage_id = self.stages["done"]
        self.assertAlmostEqual(line.unit_amount, 0.75)
        note = ticket.message_ids.filtered(lambda m: "0 h 45" in (m.body or ""))
        self.assertTrue(note.subtype_id.internal, "the timer note is internal")
        self.assertIn(self.technician.partner_id, note.partner_ids, "its technician is told")

    def test_non_billable_time_is_not_charged_to_the_credit(self):
        pack = self._pack(self.contact_a, hours=10)
        ticket = self._request(self.contact_a)
        billable = self._log(ticket, 2)
        free = self._log(ticket, 1)
        free.is_billable = False
        self.assertEqual(billable.so_line, pack)
        self.assertFalse(free.so_line)
        self.assertFalse(free.is_service_credit_overage)
        self.assertEqual(self._balance(self.contact_a)[0], 8)


@tagged("post_install", "-at_install")
class TestQuickRepliesAndSatisfaction(TechnicianCase):
    def test_canned_responses_in_french_for_helpdesk_users(self):
        responses = (
            self.env["mail.canned.response"]
            .with_user(self.technician)
            .search([("source", "in", ("accuse", "info", "teleassistance", "solution", "cloture"))])
        )
        self.assertEqual(len(responses), 5)
        for response in responses:
            self.assertTrue(response.substitution.startswith("Bonjour"), response.source)
        group = self.env.ref("helpdesk_mgmt.group_helpdesk_user_own")
        self.assertEqual(responses.group_ids, group)

    def test_reply_templates_render_in_french(self):
        self.contact_a.lang = "fr_FR"
        ticket = self._request(self.contact_a)
        template = self.env.ref("customer_portal_technician.mail_template_reply_information")
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.technician)
            .with_context(default_model="helpdesk.ticket", default_res_ids=ticket.ids)
        )
        composer.template_id = template
        self.assertIn("Bonjour", composer.body)
        self.assertIn(ticket.number, composer.subject)

    def test_resolution_sends_a_french_rating_mail_and_the_rating_shows(self):
        self.contact_a.lang = "fr_FR"
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        ticket.with_user(self.technician).stage_id = self.stages["done"]
        request = ticket.message_ids.filtered(lambda m: "/rate/" in (m.body or ""))
        self.assertEqual(len(request), 1)
        self.assertEqual(request.partner_ids, self.contact_a, "mailed to the customer")
        self.assertIn("Questionnaire de Satisfaction", request.subject)
        # The customer's answer, as core's /rate/<token>/submit_feedback applies it.
        token = ticket.rating_ids.access_token
        self.assertIn(f"/rate/{token}/5", request.body)
        ticket.sudo().rating_apply(5, token=token, feedback="Parfait")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.rating_last_value, 5)
        report = self.env.ref("customer_portal_technician.action_ticket_satisfaction")
        groups = self.Ticket._read_group(
            safe_eval(report.domain), ["user_id", "support_star_level"], ["rating_last_value:avg"]
        )
        self.assertIn((self.technician, "4", 5.0), groups)

    def test_customer_marking_resolved_gets_the_rating_mail(self):
        ticket = self._request(self.contact_a, user_id=self.technician.id)
        self.authenticate("alpha", "alphaxxx")
        done = self.stages["done"]
        self.assertTrue(done.close_from_portal)
        self.url_open(
            "/ticket/close",
            data={
                "ticket_id": str(ticket.id),
                "stage_id": str(done.id),
                "csrf_token": self._page_csrf(f"/my/ticket/{ticket.id}"),
            },
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, done)
        self.assertTrue(ticket.message_ids.filtered(lambda m: "/rate/" in (m.body or "")))
