from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.resource.models.utils import make_aware


def plan_hours_batch(calendar, start, hours_by_key):
    """``calendar.plan_hours(hours, start, compute_leaves=True)`` for several amounts of
    hours from the same start, reading the calendar's working time once per eight weeks
    for all of them (plan_hours reads it once per fortnight, for each amount): {key:
    deadline (False past the 1,400 days plan_hours looks at)}."""
    start, revert = make_aware(start)
    pending = dict(hours_by_key)
    deadlines = {}
    window = timedelta(days=56)
    for n in range(25):
        if not pending:
            break
        since = start + window * n
        for begin, end, _meta in calendar._work_intervals_batch(since, since + window)[False]:
            length = (end - begin).total_seconds() / 3600
            for key, hours in list(pending.items()):
                if hours <= length:
                    deadlines[key] = revert(begin + timedelta(hours=hours))
                    del pending[key]
                else:
                    pending[key] = hours - length
    return {**dict.fromkeys(pending, False), **deadlines}


class HelpdeskTicketSla(models.Model):
    """helpdesk_mgmt_sla counts every deadline in the team's working hours and only knows
    resolution targets (a stage to reach). Here each SLA may count in its own support
    hours (extended for 5 stars), a first-response target is met by the team's first
    message to the customer, and a breach is recorded once, by a scheduled job."""

    _inherit = "helpdesk.ticket.sla"

    target = fields.Selection(related="sla_id.target", store=True)
    breach_notified = fields.Boolean(
        copy=False,
        readonly=True,
        help="The breach was recorded: a note on the ticket and activities for the "
        "assignee and the team leader.",
    )

    def _calendar(self):
        self.ensure_one()
        return self.sla_id.resource_calendar_id or self.ticket_id.team_id.resource_calendar_id

    def _target_reached(self):
        self.ensure_one()
        ticket = self.ticket_id
        if self.target == "first_response":
            return bool(ticket.first_response_date) or ticket.stage_id.closed
        return ticket.stage_id.sequence >= self.expected_stage_id.sequence

    def _is_pending(self):
        """A deadline the queue orders by: not met yet, running or passed (a breached
        ticket stays at the top of the queue with its deadline), not while the ticket
        waits for the customer."""
        self.ensure_one()
        if self.state == "in_progress":
            return True
        return (
            self.state == "expired"
            and self.ticket_id.stage_id not in self.sla_id.ignore_stage_ids
            and not self._target_reached()
        )

    def _running_state(self):
        """in_progress, or on_hold while the ticket waits for the customer."""
        self.ensure_one()
        if self.ticket_id.stage_id in self.sla_id.ignore_stage_ids:
            return "on_hold"
        return "in_progress"

    @api.depends("sla_id")
    def _compute_sla_data(self):
        result = super()._compute_sla_data()
        for record in self:
            record.hours = record.sla_id.hours + record._calendar().hours_per_day * (
                record.sla_id.days
            )
            record.state = "accomplished" if record._target_reached() else record._running_state()
        return result

    @api.depends("hours", "consumed_time", "ticket_id", "last_state_date", "state")
    def _compute_deadline(self):
        # The deadlines of a ticket's cells start together and mostly share a calendar:
        # planned together (a ticket's creation reads its calendar once, not per cell).
        batches = defaultdict(dict)
        for record in self:
            if record.state in ("accomplished", "expired") and record.deadline:
                continue  # a met or missed deadline stays as it was
            start = record.last_state_date or record.ticket_id.create_date or fields.Datetime.now()
            hours = max(record.hours - record.consumed_time, 0)
            batches[record._calendar(), start][record] = hours
        for (calendar, start), hours_by_record in batches.items():
            for record, deadline in plan_hours_batch(calendar, start, hours_by_record).items():
                record.deadline = deadline

    def _stage_recompute(self):
        """Called when the ticket changes stage or gets its first response."""
        self.ensure_one()
        if self.state == "expired":
            return
        now = fields.Datetime.now()
        deadline = self.deadline
        if self.state == "in_progress" and self.last_state_date:
            self.consumed_time += self._calendar().get_work_hours_count(
                self.last_state_date, now, compute_leaves=True
            )
        reached = self._target_reached()
        if self.state == "accomplished":
            if not reached:  # reopened
                self.state = self._running_state()
        elif reached:
            self.state = "accomplished" if not deadline or deadline >= now else "expired"
        elif deadline and deadline <= now and self.state == "in_progress":
            self.state = "expired"
        else:
            self.state = self._running_state()
        self.last_state_date = now

    @api.model
    def _cron_record_breaches(self):
        """Marks the deadlines passed since the last run, posts a note on each ticket and
        schedules an activity for its assignee and its team leader."""
        breached = self.search(
            [
                ("state", "in", ("in_progress", "expired")),
                ("deadline", "<", fields.Datetime.now()),
                ("breach_notified", "=", False),
                ("ticket_id.stage_id.closed", "=", False),
            ]
        )
        breached.write({"state": "expired", "breach_notified": True})
        # One note and one activity per person for a ticket, whatever the number of
        # its deadlines that passed since the last run.
        for ticket in breached.ticket_id:
            ticket._notify_sla_breach(breached.filtered(lambda r, t=ticket: r.ticket_id == t))
        return breached
