"""Deadlines from the SLA matrix, counted in each star level's support hours (Paris
time: standard Monday-Friday 9-12 and 14-17, extended Monday-Saturday 8-19), following
urgency and star-level changes, paused while the ticket waits for the customer; breaches
recorded by the scheduled job."""

from odoo.tests import freeze_time, tagged

from ..models.helpdesk_ticket_sla import plan_hours_batch
from .common import TechnicianCase, utc

# Friday 27 November 2026, 18:00 in Paris (UTC+1).
FRIDAY_EVENING = utc(2026, 11, 27, 17, 0)
# Monday 30 November 2026, 9:00 in Paris.
MONDAY_MORNING = utc(2026, 11, 30, 8, 0)


@tagged("post_install", "-at_install")
class TestSlaMatrix(TechnicianCase):
    def test_matrix_is_data_for_every_level_and_urgency(self):
        slas = self.env["helpdesk.sla"].search([("support_star_level", "!=", False)])
        cells = {(s.target, s.support_star_level, s.urgency) for s in slas}
        for target in ("first_response", "resolution"):
            for level in ("3", "4", "5", "none"):
                for urgency in ("none", "low", "serious", "critical"):
                    self.assertIn((target, level, urgency), cells)
        extended = self.env.ref("customer_portal_technician.calendar_support_extended")
        five = slas.filtered(lambda s: s.support_star_level == "5")
        self.assertEqual(five.resource_calendar_id, extended)
        self.assertNotIn(extended, (slas - five).resource_calendar_id)

    def test_critical_friday_evening_five_stars_vs_three_stars(self):
        five = self._arrived(FRIDAY_EVENING, level="5", urgency="critical")
        three = self._arrived(FRIDAY_EVENING, level="3", urgency="critical")
        # 5 stars, extended hours: 1 h to answer (Friday 18:00-19:00), 4 h to resolve
        # (the last hour of Friday, then Saturday 8:00-11:00).
        self.assertEqual(
            self._deadlines(five),
            {
                "first_response": ("in_progress", utc(2026, 11, 27, 18, 0)),
                "resolution": ("in_progress", utc(2026, 11, 28, 10, 0)),
            },
        )
        # 3 stars, standard hours: nothing before Monday 9:00; 4 h to answer (Monday
        # 15:00), 16 h to resolve (Wednesday 15:00).
        self.assertEqual(
            self._deadlines(three),
            {
                "first_response": ("in_progress", utc(2026, 11, 30, 14, 0)),
                "resolution": ("in_progress", utc(2026, 12, 2, 14, 0)),
            },
        )
        self.assertEqual(five.queue_deadline, utc(2026, 11, 27, 18, 0))
        self.assertEqual(three.queue_deadline, utc(2026, 11, 30, 14, 0))

    def test_deadlines_planned_together_as_odoo_plans_each(self):
        """A ticket's deadlines are planned in one pass over its calendar: the same as
        Odoo's plan_hours for each, over evenings, weekends, a public holiday and past
        the first fortnight."""
        standard = self.env.ref("customer_portal_technician.calendar_support_standard")
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Férié",
                "date_from": utc(2026, 12, 1, 0, 0),
                "date_to": utc(2026, 12, 2, 0, 0),
            }
        )
        amounts = {"none": 0, "hour": 1, "evening": 4.5, "week": 40, "month": 130}
        for start in (FRIDAY_EVENING, MONDAY_MORNING, utc(2026, 11, 30, 10, 30)):
            batch = plan_hours_batch(standard, start, amounts)
            for key, hours in amounts.items():
                with self.subTest(start=start, hours=hours):
                    expected = standard.plan_hours(hours, start, compute_leaves=True)
                    self.assertEqual(batch[key], expected)

    def test_customers_without_level_have_the_slowest_column(self):
        ticket = self._arrived(MONDAY_MORNING, level="none", urgency="critical")
        # 8 h to answer in standard hours: Monday 9-12, 14-17 (6 h), Tuesday 9-11.
        self.assertEqual(
            self._deadlines(ticket)["first_response"], ("in_progress", utc(2026, 12, 1, 10, 0))
        )

    def test_deadlines_follow_urgency_and_star_level(self):
        ticket = self._arrived(MONDAY_MORNING, level="5", urgency="critical")
        self.assertEqual(ticket.queue_deadline, utc(2026, 11, 30, 9, 0))  # 1 h
        ticket.urgency = "low"  # 5 stars, low: 4 h to answer, from the arrival
        self.assertEqual(ticket.queue_deadline, utc(2026, 11, 30, 12, 0))
        self.assertEqual(len(ticket.ticket_sla_ids), 2)
        ticket.support_star_level = "3"  # 3 stars, low: 12 h, standard hours
        self.assertEqual(
            self._deadlines(ticket)["first_response"], ("in_progress", utc(2026, 12, 1, 16, 0))
        )
        self.assertEqual(
            ticket.ticket_sla_ids.sla_id.mapped("support_star_level"), ["3", "3"], "old cells go"
        )

    def test_waiting_for_the_customer_does_not_count(self):
        ticket = self._arrived(MONDAY_MORNING, level="4", urgency="serious", stage="in_progress")
        # 4 stars, serious: 16 h to resolve, Monday 9:00 -> Wednesday 15:00 if untouched.
        self.assertEqual(
            self._deadlines(ticket)["resolution"], ("in_progress", utc(2026, 12, 2, 14, 0))
        )
        with freeze_time(utc(2026, 11, 30, 9, 0)):  # Monday 10:00: 1 h spent
            ticket.stage_id = self.stages["awaiting"]
        self.assertEqual(self._deadlines(ticket)["resolution"][0], "on_hold")
        self.assertFalse(
            ticket.queue_deadline, "a ticket waiting for the customer leaves the queue"
        )
        with freeze_time(utc(2026, 12, 2, 9, 0)):  # Wednesday 10:00: the customer answers
            ticket.stage_id = self.stages["in_progress"]
        # 15 h left from Wednesday 10:00: Wednesday 5 h, Thursday 6 h, Friday 9-12 and
        # 14-15: Friday 4 December, 15:00.
        self.assertEqual(
            self._deadlines(ticket)["resolution"], ("in_progress", utc(2026, 12, 4, 14, 0))
        )

    def test_first_response_is_the_teams_first_public_message(self):
        ticket = self._arrived(MONDAY_MORNING, level="4", urgency="serious")
        with freeze_time(utc(2026, 11, 30, 9, 0)):
            ticket.with_user(self.technician).message_post(
                body="Note interne", message_type="comment", subtype_xmlid="mail.mt_note"
            )
            ticket.with_user(self.user_a).message_post(
                body="Des nouvelles ?", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
            self.assertFalse(ticket.first_response_date, "notes and customers do not count")
            ticket.with_user(self.technician).message_post(
                body="Nous regardons.", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(ticket.first_response_date, utc(2026, 11, 30, 9, 0))
        deadlines = self._deadlines(ticket)
        self.assertEqual(deadlines["first_response"][0], "accomplished")
        self.assertEqual(deadlines["resolution"][0], "in_progress")
        self.assertEqual(ticket.queue_deadline, deadlines["resolution"][1])

    def test_resolved_in_time_and_late(self):
        in_time = self._arrived(MONDAY_MORNING, level="5", urgency="critical")
        late = self._arrived(MONDAY_MORNING, level="5", urgency="critical")
        with freeze_time(utc(2026, 11, 30, 10, 0)):  # 2 h after: resolution due in 4 h
            in_time.stage_id = self.stages["done"]
        with freeze_time(utc(2026, 12, 1, 10, 0)):
            late.stage_id = self.stages["done"]
        self.assertEqual(self._deadlines(in_time)["resolution"][0], "accomplished")
        self.assertEqual(self._deadlines(late)["resolution"][0], "expired")
        self.assertFalse(in_time.queue_deadline)

    def test_breach_job_marks_notes_and_schedules_activities_once(self):
        ticket = self._arrived(
            MONDAY_MORNING, level="4", urgency="serious", user_id=self.technician.id
        )
        on_time = self._arrived(MONDAY_MORNING, level="4", urgency="low")
        Sla = self.env["helpdesk.ticket.sla"]
        with freeze_time(utc(2026, 11, 30, 15, 0)):  # Monday 16:00: 4 h to answer passed
            Sla._cron_record_breaches()
            Sla._cron_record_breaches()
        self.assertEqual(self._deadlines(ticket)["first_response"][0], "expired")
        self.assertEqual(self._deadlines(ticket)["resolution"][0], "in_progress")
        self.assertEqual(self._deadlines(on_time)["first_response"][0], "in_progress")
        notes = ticket.message_ids.filtered(lambda m: "SLA" in (m.body or ""))
        self.assertEqual(len(notes), 1, "one note per breach, however often the job runs")
        self.assertTrue(notes.subtype_id.internal, "the breach note is internal")
        self.assertEqual(
            ticket.activity_ids.user_id, self.technician | self.leader, "assignee and team leader"
        )
        self.assertTrue(ticket.sla_expired)
        self.assertIn(ticket, self.Ticket.search([("sla_expired", "=", True)]))

    def test_customer_page_shows_the_deadlines_in_french_not_the_matrix(self):
        self.contact_a.write({"lang": "fr_FR", "tz": "Europe/Paris"})
        ticket = self._arrived(MONDAY_MORNING, level="4", urgency="serious")
        self.authenticate("alpha", "alphaxxx")
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        # Monday 30 November: answer by 15:00 (4 h), resolve by Wednesday 15:00 (16 h).
        self.assertIn("Réponse attendue avant le 30/11/2026 15:00", page)
        self.assertIn("Résolution attendue avant le 02/12/2026 15:00", page)
        self.assertNotIn("urgence sérieuse", page, "the matrix stays internal")
        with freeze_time(utc(2026, 11, 30, 9, 0)):
            ticket.with_user(self.technician).message_post(
                body="Nous regardons.", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertNotIn("Réponse attendue", page, "answered")
        self.assertIn("Résolution attendue", page)
