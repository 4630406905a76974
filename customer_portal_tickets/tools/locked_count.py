"""Count-then-create that holds under concurrent requests."""


def count_under_lock(env, key, query, params):
    """How many rows ``query`` (selecting ids) finds, counted under a transaction-level
    advisory lock on ``key``: concurrent transactions that count with the same key wait
    for each other until commit. The count reads the committed rows through a fresh
    snapshot (this transaction's snapshot may predate the commit it waited for) plus
    this transaction's own rows."""
    env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
    env.cr.execute(query, params)
    ids = {row[0] for row in env.cr.fetchall()}
    with env.registry.cursor() as fresh:
        fresh.execute(query, params)
        ids.update(row[0] for row in fresh.fetchall())
    return len(ids)
