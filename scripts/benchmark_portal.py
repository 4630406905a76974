"""Requests portal pages as a demo customer and prints, per page, the SQL queries Odoo
counted for the request and the median latency, with ratios against native pages.
Called by scripts/benchmark.sh, which starts the server."""

import argparse
import re
import statistics
import time
from urllib.parse import urlparse

import requests

# Odoo's request log line: "GET /my/orders HTTP/1.1" 200 - <queries> <sql s> <python s>
LOG_LINE = re.compile(r'"(GET|POST) (\S+) HTTP/[\d.]+" (\d{3}) - (\d+) ([\d.]+) ([\d.]+)')
NATIVE = ["/my/orders", "/my/invoices"]


class Answered(Exception):
    """The server answered with a page that holds no form (an error page, the login
    page) where a form was expected."""

    def __init__(self, response):
        super().__init__(response.status_code)
        self.status = response.status_code


def csrf_of(response):
    """The CSRF token of the form on ``response``'s page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    if not found:
        raise Answered(response)
    return found.group(1)


def login(base, user, timeout=None):
    session = requests.Session()
    csrf = csrf_of(session.get(f"{base}/web/login", timeout=timeout))
    session.post(
        f"{base}/web/login",
        data={"login": user, "password": user, "csrf_token": csrf},
        timeout=timeout,
    )
    return session


def portal_prefix(session, base):
    """Where the logged-in customer lands: /fr for a French customer when French is not
    the default language, else nothing."""
    return urlparse(session.get(f"{base}/my").url).path.removesuffix("/my")


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0


def timings(session, url, rounds):
    """The latencies of ``rounds`` requests of ``url``, after 3 that warm the caches."""
    for _ in range(3):
        session.get(url).raise_for_status()
    values = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = session.get(url)
        values.append(time.perf_counter() - start)
        response.raise_for_status()
    return values


def measure(session, base, path, rounds):
    return statistics.median(timings(session, base + path, rounds))


def query_counts(log_path, paths, method="GET", status="200"):
    """The query count of the last request logged for each path."""
    counts = {}
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            match = LOG_LINE.search(line)
            if match and match.group(1) == method and match.group(2) in paths:
                if match.group(3) == status:
                    counts[match.group(2)] = int(match.group(4))
    return counts


def create_ticket(session, base, prefix):
    """Sends one service request through the portal form; returns its latency."""
    url = f"{base}{prefix}/my/support/new/service"
    csrf = csrf_of(session.get(url))
    start = time.perf_counter()
    response = session.post(
        url,
        data={"csrf_token": csrf, "subject": "Benchmark", "description": "Measured request"},
        allow_redirects=False,
    )
    elapsed = time.perf_counter() - start
    if response.status_code != 303:
        raise RuntimeError(f"ticket creation answered {response.status_code}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--user", default="client4")
    args = parser.parse_args()

    session = login(args.url, args.user)
    # A French-speaking customer is redirected to /fr/...: measure the pages it lands on.
    prefix = portal_prefix(session, args.url)
    listing = session.get(f"{args.url}{prefix}/my/subscriptions").text
    subscription = re.search(r'href="(/my/subscriptions/\d+)', listing).group(1)
    tickets = session.get(f"{args.url}{prefix}/my/tickets").text
    ticket = re.search(r'href="(/my/ticket/\d+)', tickets).group(1)
    ours = [
        "/my",
        "/my/subscriptions",
        subscription,
        f"{subscription}/payment_method",
        "/my/tickets",
        ticket,
        "/my/support",
        "/my/support/new/incident",
        "/my/credit",
        "/my/remote",
    ]
    paths = [prefix + path for path in NATIVE + ours]
    native = paths[: len(NATIVE)]
    latency = {path: measure(session, args.url, path, args.rounds) for path in paths}
    creation = statistics.median(create_ticket(session, args.url, prefix) for _ in range(3))
    time.sleep(1)  # let the server flush its log
    queries = query_counts(args.log, set(paths))
    created = query_counts(args.log, {f"{prefix}/my/support/new/service"}, "POST", "303")
    base_latency = statistics.mean(latency[p] for p in native)
    base_queries = statistics.mean(queries[p] for p in native)

    print(f"\nPortal pages as {args.user}, {args.rounds} rounds each after 3 warm-up requests")
    print(f"(ratios against the mean of the native pages {', '.join(native)})\n")
    print(f"{'page':<45} {'queries':>8} {'ratio':>6} {'median ms':>10} {'ratio':>6}")
    for path in paths:
        print(
            f"{path:<45} {queries[path]:>8} {queries[path] / base_queries:>6.2f} "
            f"{latency[path] * 1000:>10.1f} {latency[path] / base_latency:>6.2f}"
        )
    (create_queries,) = created.values()
    print(
        f"{'POST ' + prefix + '/my/support/new/service':<45} {create_queries:>8} "
        f"{create_queries / base_queries:>6.2f} {creation * 1000:>10.1f} "
        f"{creation / base_latency:>6.2f}   (ticket creation, e-mail queued)"
    )


if __name__ == "__main__":
    main()
