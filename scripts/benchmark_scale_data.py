"""Builds the scale data set of the benchmark on top of a demo database, reproducibly from
a seed: 200 customer companies with 1,000 portal contacts, 100,000 tickets over five years
in every stage and kind, 500,000 public messages and internal notes, and one big customer
(Transports Géants) with 2,000 tickets (one of them with 300 messages), 2,000 confirmed
orders, 2,000 posted invoices, 100 subscriptions and 5,000 time entries on its service
requests.

Tickets, messages and followers are written in bulk SQL (the ORM would take hours), with
what the ORM computes filled in: number, commercial partner, the partners the portal rule
reads, portal state, closing date, ITIL type. Users, orders, invoices, subscriptions and
time entries go through the ORM, in batches. A database already built (its marker
parameter set) is left as it is.

    python scripts/benchmark_scale_data.py CONF DB [--seed 42]
"""

import argparse
import random
import sys
import time
from datetime import datetime, timedelta

import odoo
from odoo import Command, api
from odoo.tools import config

MARKER = "customer_portal.benchmark_scale"
BIG_LOGIN = "bigclient"
COMPANIES = 200
CONTACTS_PER_COMPANY = 5
TICKETS = 100_000
BIG_TICKETS = 2_000
MESSAGES = 500_000
LONG_THREAD = 300
ORDERS = 2_000
INVOICES = 2_000
SUBSCRIPTIONS = 100
TIME_ENTRIES = 5_000
YEARS = 5
SUBJECTS = ["carte", "tachygraphe", "tournée", "facture", "import"]


START = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - START:7.1f} s] {message}", flush=True)


def build_partners(env):
    """200 companies with five contacts each; the big customer's first contact logs in."""
    companies = env["res.partner"].create(
        [
            {
                "name": "Transports Géants SA" if i == 0 else f"Client Bench {i:03d}",
                "is_company": True,
            }
            for i in range(COMPANIES)
        ]
    )
    contacts = env["res.partner"].create(
        [
            {
                "name": f"Contact {c:03d}-{n}",
                "parent_id": company.id,
                "email": f"contact{c:03d}.{n}@bench.example.com",
                "lang": "fr_FR",
            }
            for c, company in enumerate(companies)
            for n in range(CONTACTS_PER_COMPANY)
        ]
    )
    portal = env.ref("base.group_portal")
    # Portal users without a password (hashing 1,000 would take minutes), but the big one.
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "login": BIG_LOGIN if i == 0 else contact.email,
                    "partner_id": contact.id,
                    "groups_id": [Command.set([portal.id])],
                }
                for i, contact in enumerate(contacts)
            ]
        )
    )
    users[0].password = BIG_LOGIN
    return companies, contacts


def build_tickets(env, rnd, companies, contacts):
    """100,000 tickets in SQL: 2,000 of the big customer, the rest spread."""
    cr = env.cr
    stages = {
        name: env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{name}")
        for name in ("new", "in_progress", "awaiting", "done", "cancelled", "rejected")
    }
    weights = {
        "new": 3,
        "in_progress": 5,
        "awaiting": 4,
        "done": 70,
        "cancelled": 10,
        "rejected": 8,
    }
    team = env.ref("customer_portal_tickets.team_technical")
    project = team.default_project_id
    technician = env.ref("customer_portal_tickets.user_technician_demo")
    big_contacts = contacts.filtered(lambda c: c.parent_id == companies[0])
    other_contacts = contacts - big_contacts
    now = datetime.now()
    rows = []
    for n in range(TICKETS):
        big = n < BIG_TICKETS
        contact = rnd.choice(big_contacts if big else other_contacts)
        stage_name = rnd.choices(list(weights), list(weights.values()))[0]
        stage = stages[stage_name]
        created = now - timedelta(seconds=rnd.randint(0, YEARS * 365 * 86400))
        kind = rnd.choices(["incident", "service", "administrative"], [5, 4, 1])[0]
        urgency = rnd.choice(["none", "low", "serious", "critical"]) if kind == "incident" else None
        closed = created + timedelta(hours=rnd.randint(1, 400)) if stage.closed else None
        rows.append(
            (
                f"HB{n + 1:06d}",
                f"Demande de test {n + 1} : {rnd.choice(SUBJECTS)}",
                "<p>Description générée pour le banc d'essai.</p>",
                contact.id,
                contact.parent_id.id,
                contact.name,
                contact.email,
                stage.id,
                stage.portal_state,
                stage.unattended,
                team.id,
                technician.id if stage_name != "new" else None,
                kind,
                urgency,
                "incident" if kind == "incident" else "request",
                project.id if big and kind == "service" else None,
                created,
                created,
                closed or created,
                closed,
            )
        )
    cr.execute("SELECT id FROM res_company ORDER BY id LIMIT 1")
    company_id = cr.fetchone()[0]
    args = ",".join(
        cr.mogrify("(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)", row).decode()
        for row in rows
    )
    cr.execute(
        f"""
        INSERT INTO helpdesk_ticket (
            number, name, description, partner_id, commercial_partner_id, partner_name,
            partner_email, stage_id, portal_state, unattended, team_id, user_id,
            ticket_kind, urgency, itil_type, project_id, create_date, write_date,
            last_stage_update, closed_date,
            company_id, active, priority, kanban_state, sequence, rating_status,
            positive_rate_percentage, rating_last_value, create_uid, write_uid
        )
        SELECT v.*, {company_id}, true, '1', 'normal', 10, 'stage_change', -1, 0, 1, 1
          FROM (VALUES {args}) AS v
        RETURNING id, partner_id, create_date
        """
    )
    tickets = cr.fetchall()
    # What the portal rule reads (the stored portal_partner_ids): the ticket's company.
    cr.execute(
        """
        INSERT INTO helpdesk_ticket_portal_partner_rel (ticket_id, partner_id)
        SELECT id, commercial_partner_id FROM helpdesk_ticket
         WHERE number LIKE 'HB%%' AND commercial_partner_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """
    )
    return tickets


def build_messages(env, rnd, tickets):
    """500,000 messages: customers' comments, support answers, internal notes; one of the
    big customer's tickets gets 300. Plus the contact of each ticket as its follower."""
    cr = env.cr
    comment = env.ref("mail.mt_comment").id
    note = env.ref("mail.mt_note").id
    staff = env.ref("customer_portal_tickets.partner_technician_demo").id
    long_thread = tickets[0][0]
    per_ticket = {ticket_id: 0 for ticket_id, _p, _d in tickets}
    per_ticket[long_thread] = LONG_THREAD
    remaining = MESSAGES - LONG_THREAD
    ids = [t[0] for t in tickets]
    for _ in range(remaining):
        per_ticket[rnd.choice(ids)] += 1
    info = {ticket_id: (partner_id, date) for ticket_id, partner_id, date in tickets}
    batch = []

    def flush():
        if batch:
            values = ",".join(cr.mogrify("(%s,%s,%s,%s,%s,%s,%s)", row).decode() for row in batch)
            cr.execute(
                f"""
                INSERT INTO mail_message (model, res_id, message_type, subtype_id, is_internal,
                    author_id, body, date, create_date, write_date, create_uid, write_uid)
                SELECT 'helpdesk.ticket', v.column1, v.column2, v.column3, v.column4,
                       v.column5, v.column6, v.column7, v.column7, v.column7, 1, 1
                  FROM (VALUES {values}) AS v
                """
            )
            batch.clear()

    for ticket_id, count in per_ticket.items():
        partner_id, date = info[ticket_id]
        for k in range(count):
            kind = rnd.choices(["customer", "staff", "note"], [4, 4, 2])[0]
            author = partner_id if kind == "customer" else staff
            body = f"<p>Message {k + 1} ({kind}) : échange de test sur le ticket.</p>"
            batch.append(
                (
                    ticket_id,
                    "comment",
                    note if kind == "note" else comment,
                    kind == "note",
                    author,
                    body,
                    date + timedelta(minutes=10 * (k + 1)),
                )
            )
        if len(batch) >= 20_000:
            flush()
    flush()
    cr.execute(
        """
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'helpdesk.ticket', id, partner_id FROM helpdesk_ticket
         WHERE number LIKE 'HB%%' AND partner_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """
    )


def build_documents(env, rnd, big):
    """The big customer's confirmed orders, posted invoices, subscriptions and packs."""
    product = env.ref("customer_portal_subscription.product_fleet_demo")
    pack = env.ref("customer_portal_credit.product_credit_10h_demo")
    orders = env["sale.order"]
    for start in range(0, ORDERS, 200):
        batch = env["sale.order"].create(
            [
                {
                    "partner_id": big.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": (pack if n % 200 == 0 else product).id,
                                "product_uom_qty": 100 if n % 200 == 0 else rnd.randint(1, 20),
                            }
                        )
                    ],
                }
                for n in range(start, min(start + 200, ORDERS))
            ]
        )
        batch.action_confirm()
        orders |= batch
        env.cr.commit()
        log(f"  orders: {len(orders)}")
    today = datetime.now().date()
    moves = env["account.move"]
    for start in range(0, INVOICES, 200):
        batch = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": big.id,
                    "invoice_date": today - timedelta(days=rnd.randint(0, YEARS * 365)),
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": product.id, "price_unit": rnd.randint(50, 900)}
                        )
                    ],
                }
                for _n in range(start, min(start + 200, INVOICES))
            ]
        )
        batch.action_post()
        moves |= batch
        env.cr.commit()
        log(f"  invoices: {len(moves)}")
    template = env.ref("customer_portal_subscription.subscription_dubois_demo").template_id
    pricelist = env.ref("customer_portal_subscription.subscription_dubois_demo").pricelist_id
    subscriptions = env["sale.subscription"].create(
        [
            {
                "partner_id": big.id,
                "template_id": template.id,
                "pricelist_id": pricelist.id,
                "sale_subscription_line_ids": [
                    Command.create({"product_id": product.id, "product_uom_qty": 1})
                ],
            }
            for _n in range(SUBSCRIPTIONS)
        ]
    )
    subscriptions.action_start_subscription()
    env.cr.commit()
    log(f"  subscriptions: {len(subscriptions)}")


def build_time_entries(env, rnd, big):
    tickets = env["helpdesk.ticket"].search(
        [("commercial_partner_id", "=", big.id), ("ticket_kind", "=", "service")]
    )
    employee = env.ref("customer_portal_credit.employee_technician_demo")
    lines = env["account.analytic.line"].with_context(service_credit_rebalancing=True)
    for start in range(0, TIME_ENTRIES, 1000):
        lines.create(
            [
                {
                    "name": "Intervention",
                    "ticket_id": ticket.id,
                    "project_id": ticket.project_id.id,
                    "employee_id": employee.id,
                    "unit_amount": rnd.choice([0.25, 0.5, 1.0, 1.5]),
                    "date": ticket.create_date.date(),
                }
                for ticket in (rnd.choice(tickets) for _n in range(start, start + 1000))
            ]
        )
        env.cr.commit()
        log(f"  time entries: {start + 1000}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("conf")
    parser.add_argument("db")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    config.parse_config(["-c", args.conf, "-d", args.db])
    registry = odoo.modules.registry.Registry(args.db)
    rnd = random.Random(args.seed)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "lang": "fr_FR"})
        seed = env["ir.config_parameter"].get_param(MARKER)
        if seed:
            log(f"{args.db} already holds the scale data set (seed {seed})")
            return 0
        log("partners and portal users")
        companies, contacts = build_partners(env)
        cr.commit()
        log("tickets (SQL)")
        tickets = build_tickets(env, rnd, companies, contacts)
        cr.commit()
        log("messages and followers (SQL)")
        build_messages(env, rnd, tickets)
        # What posting them through the ORM would have maintained.
        env["helpdesk.ticket"]._recompute_waiting_for_customer()
        cr.commit()
        env.invalidate_all()
        log("orders, invoices, subscriptions of the big customer (ORM)")
        build_documents(env, rnd, companies[0])
        log("time entries on its service requests (ORM)")
        build_time_entries(env, rnd, companies[0])
        env["ir.config_parameter"].set_param(MARKER, str(args.seed))
        cr.commit()
        cr.execute("ANALYZE")
        log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
