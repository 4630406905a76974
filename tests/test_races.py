"""Simultaneous requests of one customer against a real Odoo server started for the
test (threaded: each request has its own transaction), on committed data removed
after: six signatures of one ticket store one and answer the others "already signed";
a ticket form sent twice at once creates one ticket, and both answers show it."""

import concurrent.futures
import re
import threading
import uuid

import pytest
import requests
from helpers import logged_in, own_server

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import new_test_user
from odoo.tools import config

SIGNERS = 6
# A 1x1 transparent PNG, as the signature pad sends it (base64, no data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Odoo HTTP server of its own on the test database, threaded: both races need
    concurrent transactions, not processes."""
    yield from own_server(tmp_path_factory.mktemp("races") / "server.log", "--workers=0")


def _env(cr):
    return api.Environment(cr, SUPERUSER_ID, {})


@pytest.fixture
def customer(server):
    """A customer company with a French-speaking portal contact, committed so that the
    server sees it, and a ticket waiting for its signature; all removed after."""
    registry = odoo.modules.registry.Registry(config["db_name"])
    login = f"course-{uuid.uuid4().hex[:12]}"
    with registry.cursor() as cr:
        env = _env(cr)
        company = env["res.partner"].create({"name": f"Course {login}", "is_company": True})
        contact = env["res.partner"].create(
            {
                "name": "Camille Course",
                "parent_id": company.id,
                "email": f"{login}@x.example",
                "lang": "fr_FR",
            }
        )
        user = new_test_user(env, login=login, groups="base.group_portal", partner_id=contact.id)
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Intervention sur site",
                "description": "<p>Remplacement du boîtier.</p>",
                "partner_id": contact.id,
                "team_id": env.ref("customer_portal_tickets.team_technical").id,
                "ticket_kind": "service",
            }
        )
        ticket.action_request_signature()
        ids = {"company": company.id, "contact": contact.id, "user": user.id}
        ticket_id = ticket.id
    yield registry, ids, login, ticket_id
    with registry.cursor() as cr:
        env = _env(cr)
        env["helpdesk.ticket"].search([("partner_id", "=", ids["contact"])]).unlink()
        user = env["res.users"].browse(ids["user"])
        try:
            with cr.savepoint():
                user.unlink()
                env["res.partner"].browse([ids["contact"], ids["company"]]).unlink()
        except Exception:  # noqa: BLE001 - referenced by messages: archived instead
            user.active = False
            env["res.partner"].browse([ids["contact"], ids["company"]]).active = False


def _together(count, call):
    """``call(number)`` from ``count`` threads released at once; their results."""
    start = threading.Barrier(count)

    def run(number):
        start.wait()
        return call(number)

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def _copy(session):
    own = requests.Session()
    own.cookies.update(session.cookies)
    return own


def test_simultaneous_signatures_store_one_and_answer_already_signed(customer, server):
    registry, ids, login, ticket_id = customer
    session = logged_in(server, login)

    def sign(number):
        return _copy(session).post(
            f"{server}/my/ticket/{ticket_id}/sign",
            json={"jsonrpc": "2.0", "method": "call", "id": number,
                  "params": {"name": f"Signataire {number}", "signature": SIGNATURE}},
            timeout=120,
        )  # fmt: skip

    responses = _together(SIGNERS, sign)
    assert [r.status_code for r in responses] == [200] * SIGNERS
    answers = [r.json() for r in responses]
    assert all("result" in a for a in answers), [a.get("error") for a in answers]
    signed = [a for a in answers if a["result"].get("force_refresh")]
    refused = [a["result"].get("error") for a in answers if not a["result"].get("force_refresh")]
    assert len(signed) == 1, answers
    assert refused == ["Ce ticket est déjà signé."] * (SIGNERS - 1), refused
    with registry.cursor() as cr:
        ticket = _env(cr)["helpdesk.ticket"].browse(ticket_id)
        posted = ticket.message_ids.filtered(lambda m: "Signataire" in (m.body or ""))
        assert len(posted) == 1, "one signature posted"
        assert ticket.signed_by.startswith("Signataire")


def test_a_form_sent_twice_at_once_creates_one_ticket(customer, server):
    registry, ids, login, _ticket_id = customer
    session = logged_in(server, login)
    form = session.get(f"{server}/my/support/new/service", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', form)
    assert key, "the form carries a one-time key"
    data = {
        "csrf_token": csrf,
        "submission_key": key.group(1),
        "subject": "Double clic sur Envoyer",
        "description": "Le même formulaire, envoyé deux fois à la fois.",
    }

    def send(_number):
        return _copy(session).post(f"{server}/my/support/new/service", data=data, timeout=120)

    responses = _together(2, send)
    with registry.cursor() as cr:
        tickets = _env(cr)["helpdesk.ticket"].search(
            [("partner_id", "=", ids["contact"]), ("name", "=", "Double clic sur Envoyer")]
        )
        numbers = tickets.mapped("number")
        ticket_ids = tickets.ids
    assert len(ticket_ids) == 1, numbers
    for response in responses:
        assert response.status_code == 200
        assert f"/my/support/sent/{ticket_ids[0]}" in response.url
        assert numbers[0] in response.text


def test_a_mandate_signed_twice_at_once_is_one_mandate(customer, server):
    registry, ids, login, _ticket_id = customer
    session = logged_in(server, login)
    form = session.get(f"{server}/my/payment_method/sepa", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    iban = "FR7630006000011234567890189"
    page = session.post(
        f"{server}/my/payment_method/sepa",
        data={"csrf_token": csrf, "iban": iban, "holder": "Course SARL"},
        timeout=60,
    )
    assert "o_sepa_mandate_sign" in page.text, "the mandate to sign"

    def sign(number):
        return _copy(session).post(
            f"{server}/my/payment_method/sepa/sign",
            json={"jsonrpc": "2.0", "method": "call", "id": number,
                  "params": {"name": "Camille Course", "signature": SIGNATURE}},
            timeout=120,
        )  # fmt: skip

    responses = _together(4, sign)
    assert [r.status_code for r in responses] == [200] * 4
    answers = [r.json().get("result") or {} for r in responses]
    with registry.cursor() as cr:
        tokens = _env(cr)["payment.token"].search([("partner_id", "=", ids["company"])])
        references = tokens.mapped("sepa_mandate_ref")
        tokens.unlink()
    assert len(references) == 1, references
    # Every signer lands on Payment methods showing that one mandate.
    assert [a.get("redirect_url") for a in answers] == [
        f"/my/payment_method?sepa_mandate={references[0]}"
    ] * 4, answers
