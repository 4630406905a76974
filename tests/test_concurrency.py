"""Fifteen simultaneous ticket submissions by one customer, against a real Odoo server
started for the test (with workers, then threaded): the hourly limit holds, every
request gets an answer, none a server error."""

import concurrent.futures
import re
import threading

import pytest
import requests
from helpers import logged_in, own_server

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import new_test_user
from odoo.tools import config

LIMIT = 5
SUBMISSIONS = 15


def _env(cr):
    return api.Environment(cr, SUPERUSER_ID, {})


@pytest.fixture
def customer(server):
    """A new customer with a portal login (its login is returned), committed so that
    the server sees it; the company's hourly limit set to LIMIT, put back after."""
    registry = odoo.modules.registry.Registry(config["db_name"])
    login = f"concurrence-{server.rsplit(':', 1)[1]}"
    with registry.cursor() as cr:
        env = _env(cr)
        company = env["res.partner"].create({"name": f"Concurrence {login}", "is_company": True})
        contact = env["res.partner"].create(
            {"name": "Camille Concurrence", "parent_id": company.id, "email": f"{login}@x.example"}
        )
        new_test_user(env, login=login, groups="base.group_portal", partner_id=contact.id)
        previous = env.company.portal_ticket_hourly_limit
        env.company.portal_ticket_hourly_limit = LIMIT
        contact_id = contact.id
    yield registry, contact_id, login
    with registry.cursor() as cr:
        _env(cr).company.portal_ticket_hourly_limit = previous


@pytest.fixture(params=["--workers=4", "--workers=0"], ids=["workers", "threaded"])
def server(request, tmp_path):
    """An Odoo HTTP server of its own on the test database."""
    yield from own_server(tmp_path / "server.log", request.param)


def test_simultaneous_submissions_respect_the_hourly_limit(customer, server):
    registry, contact_id, login = customer
    session = logged_in(server, login)
    form = session.get(server + "/my/support/new/service", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    start = threading.Barrier(SUBMISSIONS)

    def submit(number):
        own = requests.Session()
        own.cookies.update(session.cookies)
        start.wait()
        return own.post(
            server + "/my/support/new/service",
            data={
                "csrf_token": csrf,
                "subject": f"Demande simultanée {number}",
                "description": f"Envoyée en même temps que les autres ({number}).",
            },
            allow_redirects=False,
            timeout=120,
        )

    with concurrent.futures.ThreadPoolExecutor(SUBMISSIONS) as pool:
        responses = list(pool.map(submit, range(SUBMISSIONS)))

    with registry.cursor() as cr:
        stored = _env(cr)["helpdesk.ticket"].search_count([("partner_id", "=", contact_id)])
    created = [r for r in responses if r.status_code == 303]
    refused = [r for r in responses if r.status_code == 200 and "in the last hour" in r.text]
    assert all(r.status_code < 500 for r in responses), [r.status_code for r in responses]
    assert stored <= LIMIT, f"{stored} tickets stored with a limit of {LIMIT}"
    assert stored == len(created) == LIMIT, "each stored ticket was answered as created"
    assert len(created) + len(refused) == SUBMISSIONS, "every other request was told why"


def test_two_technicians_logging_time_at_once_leave_a_correct_balance():
    """Two transactions charge time to the same pack at the same moment (each retried on
    a serialisation failure, as Odoo's request handling does): the balance, derived from
    the pack and its timesheets, counts both."""
    from odoo.service.model import retrying

    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = _env(cr)
        bernard = env.ref("customer_portal_subscription.partner_bernard_demo")
        contact = bernard.child_ids[:1] or bernard
        remaining_before, total_before = bernard._service_credit_balance()
        assert remaining_before >= 2, "the demo gives Ambulances Bernard a current pack"
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Deux techniciens en même temps",
                "description": "<p>x</p>",
                "partner_id": contact.id,
                "team_id": env.ref("customer_portal_tickets.team_technical").id,
                "ticket_kind": "service",
            }
        )
        technician = env.ref("customer_portal_tickets.user_technician_demo")
        ticket_id, project_id, uid = ticket.id, ticket.project_id.id, technician.id
    start = threading.Barrier(2)

    def log(hours):
        with registry.cursor() as cr:
            env = api.Environment(cr, uid, {})

            def work():
                env["account.analytic.line"].create(
                    {
                        "name": "En parallèle",
                        "ticket_id": ticket_id,
                        "project_id": project_id,
                        "unit_amount": hours,
                    }
                )

            start.wait()
            retrying(work, env)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(log, [1.0, 0.5]))

    with registry.cursor() as cr:
        env = _env(cr)
        bernard = env.ref("customer_portal_subscription.partner_bernard_demo")
        remaining_after, total_after = bernard._service_credit_balance()
        lines = env["account.analytic.line"].search([("ticket_id", "=", ticket_id)])
        charged = sum(lines.filtered("so_line").mapped("unit_amount"))
        # Put the demo back as it was for the tests that follow.
        lines.unlink()
        env["helpdesk.ticket"].browse(ticket_id).unlink()
    assert len(lines) == 2
    assert charged == 1.5
    assert total_after == total_before
    assert round(remaining_before - remaining_after, 2) == 1.5
