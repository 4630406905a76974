"""What the technician-side tests share: the credit fixtures (two customers, the
technical team logging time in a project, a technician with an employee), a team
leader, and tickets that arrive when a test says."""

from datetime import datetime

from odoo.addons.customer_portal_credit.tests.common import CreditCase
from odoo.tests import new_test_user


def utc(*args):
    """A naive UTC datetime, as Odoo stores them."""
    return datetime(*args)


class TechnicianCase(CreditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env,
            login="leader",
            name="Léa Responsable",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )
        cls.team.user_id = cls.leader
        cls.stages["cancelled"] = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")

    @classmethod
    def _arrived(cls, when, level="4", urgency="serious", kind="incident", **values):
        """A ticket of ``level`` stars and ``urgency`` that arrived at ``when`` (UTC)."""
        ticket = cls._ticket(
            cls.contact_a,
            stage=values.pop("stage", "new"),
            ticket_kind=kind,
            urgency=urgency,
            support_star_level=level if level != "none" else False,
            **values,
        )
        ticket._set_arrival(when)
        return ticket

    @staticmethod
    def _deadlines(ticket):
        """{target: (state, deadline)} of the ticket's SLA."""
        return {sla.target: (sla.state, sla.deadline) for sla in ticket.ticket_sla_ids}

    def _start_timer(self, ticket, started=None):
        """The technician's running timer on ``ticket`` (a time entry started at
        ``started``, 9:00 on 30 November 2026 by default, with no duration yet)."""
        return (
            self.env["account.analytic.line"]
            .with_user(self.technician)
            .create(
                {
                    "name": "Diagnostic",
                    "ticket_id": ticket.id,
                    "project_id": ticket.project_id.id,
                    "date_time": started or utc(2026, 11, 30, 9, 0),
                    "unit_amount": 0,
                }
            )
        )
