"""Concurrency and nodes (issue 12): 50 simultaneous ticket submissions against one Odoo
with --workers=2, then against two nodes behind nginx; sessions valid on either node;
the memory of each worker after 2,000 portal requests. Prints the figures. Called by
scripts/benchmark-nodes.sh, which starts the servers and nginx.
"""

import argparse
import collections
import concurrent.futures
import os
import statistics
import subprocess
import time
import uuid

import psycopg2
import requests
from benchmark_portal import Answered, csrf_of, login, percentile

USERS = ["client3", "client4", "client5"]
SUBMISSIONS = 50


# Two files a customer attaches: a small PDF and a 200 kB one.
FILES = [
    ("rapport.pdf", b"%PDF-1.4\n% rapport\n" + b"0" * 2_000),
    ("journal.pdf", b"%PDF-1.4\n% journal\n" + b"1" * 200_000),
]


def submit(base, user, subject, files=()):
    """One customer sends the service form: (status, seconds, error)."""
    try:
        session = login(base, user, timeout=60)
        url = f"{base}/my/support/new/service"
        form = session.get(url, timeout=120)
        if "/my/support/new/service" not in form.url:  # never reached the form
            raise Answered(form)
        csrf = csrf_of(form)
        start = time.perf_counter()
        response = session.post(
            url,
            data={"csrf_token": csrf, "subject": subject, "description": "Charge simultanée"},
            files=[("attachments", (name, data, "application/pdf")) for name, data in files],
            allow_redirects=False,
            timeout=300,
        )
        elapsed = time.perf_counter() - start
        ok = response.status_code == 303 and "/my/support/sent/" in response.headers.get(
            "Location", ""
        )
        if ok:
            return response.status_code, elapsed, None
        if response.is_redirect:
            return response.status_code, elapsed, f"redirected to {response.headers['Location']}"
        return response.status_code, elapsed, response.text[-300:]
    except Answered as answered:
        return answered.status, None, f"error page ({answered.status}) before the form was sent"
    except Exception as error:  # noqa: BLE001 - every failure is a figure here
        return None, None, repr(error)


def burst(label, base, dsn):
    marker = f"Charge {label} {uuid.uuid4().hex[:8]}"
    with concurrent.futures.ThreadPoolExecutor(SUBMISSIONS) as pool:
        futures = [
            pool.submit(submit, base, USERS[n % len(USERS)], f"{marker} #{n}")
            for n in range(SUBMISSIONS)
        ]
        results = [future.result() for future in futures]
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT count(*), count(DISTINCT number) FROM helpdesk_ticket WHERE name LIKE %s",
            [marker + " #%"],
        )
        stored, distinct = cr.fetchone()
    answered = [r for r in results if r[0] == 303 and r[2] is None]
    errors = [r for r in results if r[2] is not None]
    times = [r[1] for r in answered]
    print(
        f"{label:<34} sent {SUBMISSIONS}, stored {stored}, distinct numbers {distinct}, "
        f"errors {len(errors)}, p50 {statistics.median(times) * 1000 if times else 0:.0f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.0f} ms"
    )
    for status, _elapsed, error in errors[:3]:
        print(f"    error: {status} {error}")
    return stored == SUBMISSIONS and distinct == SUBMISSIONS and not errors


def sessions_across_nodes(node1, node2):
    session = login(node1, "client4", timeout=60)
    page = session.get(f"{node2}/my", timeout=60)  # (a French customer goes to /fr/my)
    ok = page.status_code == 200 and "/web/login" not in page.url and "Pierre Dubois" in page.text
    print(f"{'session from node 1 used on node 2':<34} {'valid' if ok else 'NOT valid'}")
    return ok


def memory(base, pids, requests_count):
    sessions = [login(base, user, timeout=60) for user in USERS]
    pages = ["/my", "/my/tickets", "/my/orders", "/my/invoices", "/my/support"]
    for n in range(requests_count):
        sessions[n % len(sessions)].get(base + pages[n % len(pages)], timeout=120)
    print(f"{'RSS of each worker after':<34} {requests_count} portal requests through nginx:")
    for node, pid in pids.items():
        children = subprocess.run(
            ["ps", "-o", "pid=,rss=", "--ppid", str(pid)], capture_output=True, text=True
        ).stdout.split("\n")
        for line in filter(None, (c.strip() for c in children)):
            child, rss = line.split()
            print(f"    node {node}, worker {child}: {int(rss) / 1024:.0f} MiB")


def restart_during_submissions(base, dsn, filestore, restart):
    """50 submissions with files while PostgreSQL restarts: every stored ticket has its
    files, every customer gets an answer, the server serves again unrestarted."""
    marker = f"Panne {uuid.uuid4().hex[:8]}"
    with concurrent.futures.ThreadPoolExecutor(SUBMISSIONS + 1) as pool:
        futures = [
            pool.submit(submit, base, USERS[n % len(USERS)], f"{marker} #{n}", FILES)
            for n in range(SUBMISSIONS)
        ]
        time.sleep(2)  # some sent, some in flight, some not yet started
        restarted = subprocess.run(restart, shell=True, capture_output=True, text=True)
        results = [future.result() for future in futures]
    print(f"{'PostgreSQL restarted during them':<34} ({restart}: exit {restarted.returncode})")
    serving = None
    for _ in range(60):
        try:
            if requests.get(f"{base}/web/login", timeout=10).status_code == 200:
                serving = True
                break
        except requests.RequestException:
            pass
        time.sleep(1)
    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        cr.execute(
            """SELECT t.name, count(a.id), array_agg(a.store_fname)
                 FROM helpdesk_ticket t
                 LEFT JOIN ir_attachment a
                   ON a.res_model = 'helpdesk.ticket' AND a.res_id = t.id
                WHERE t.name LIKE %s GROUP BY t.id, t.name""",
            [marker + " #%"],
        )
        stored = {name: (count, fnames) for name, count, fnames in cr.fetchall()}
    complete = {
        name
        for name, (count, fnames) in stored.items()
        if count == len(FILES)
        and all(f and os.path.exists(os.path.join(filestore, f)) for f in fnames)
    }
    answered_error = 0
    lost = collections.Counter()
    for n, (status, _elapsed, _error) in enumerate(results):
        name = f"{marker} #{n}"
        if name in stored:
            if name not in complete:
                lost["stored without all its files"] += 1
        elif status == 303 and _error is None:
            lost["told it was sent, not stored"] += 1
        elif status is None:
            lost["no answer (connection dropped or timed out)"] += 1
        elif "/web/login" in (_error or ""):
            # Treated as logged out while the database was away: the text typed is gone.
            lost["sent to the login page, typed text lost"] += 1
        else:
            answered_error += 1  # the form or an error page: the customer can retry
    print(
        f"{'':<34} stored {len(stored)} (all files: {len(complete)}), answered with an "
        f"error {answered_error}, lost {sum(lost.values())} {dict(lost) or ''}; "
        f"serving again: {'yes' if serving else 'NO'}"
    )
    kinds = collections.Counter(
        (status, (error or "")[:90]) for status, _elapsed, error in results if error
    )
    for (status, error), count in kinds.most_common():
        print(f"    {count} x {status} {error!r}")
    return not lost and bool(serving)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--node1", required=True)
    parser.add_argument("--node2", required=True)
    parser.add_argument("--nginx", required=True)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--pid1", type=int, required=True)
    parser.add_argument("--pid2", type=int, required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--filestore", required=True, help="the database's filestore folder")
    parser.add_argument("--restart", help="command that restarts PostgreSQL (skipped if empty)")
    args = parser.parse_args()
    print()
    checks = [
        burst("one node, --workers=2", args.node1, args.dsn),
        burst("two nodes behind nginx", args.nginx, args.dsn),
        sessions_across_nodes(args.node1, args.node2),
    ]
    memory(args.nginx, {1: args.pid1, 2: args.pid2}, args.requests)
    if args.restart:
        checks.append(
            restart_during_submissions(args.nginx, args.dsn, args.filestore, args.restart)
        )
    print(f"\n{'all hold' if all(checks) else 'NOT all hold'}")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
