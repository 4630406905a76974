#!/usr/bin/env bash
# The scale benchmark (issue 12): builds (once) a database with the scale data set, then
# measures our portal pages against native ones as its big customer and writes the table
# to docs/benchmarks.md.
#   BENCH_DB (default portal_scale; kept, reused by the next run: drop it to rebuild),
#   BENCH_PORT (default 8399), ROUNDS (default 20), SEED (default 42).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_DB=${BENCH_DB:-portal_scale}
BENCH_PORT=${BENCH_PORT:-8399}
CONF=$STATE_DIR/bench-scale.conf
LOG=$STATE_DIR/bench-scale-server.log

ensure_venv
ensure_postgres
write_odoo_conf "$BENCH_DB" "$CONF"

# The scale data on a database with the demo: $1 database, $2 its config.
scale_data() { "$PY" "$REPO_ROOT/scripts/benchmark_scale_data.py" "$2" "$1" --seed "${SEED:-42}"; }
if ! db_exists "$BENCH_DB"; then
  say "Building $BENCH_DB: the demo (about three minutes), then the scale data set (about three minutes more on 2 cores)"
  build_demo_db "$BENCH_DB" scale_data
else
  say "The scale data set in $BENCH_DB (built once)"
  scale_data "$BENCH_DB" "$CONF" || die "building the scale data set failed"
fi

sql() { odoo_psql -d "$BENCH_DB" -tAc "$1"; }
big=$(sql "select id from res_partner where name = 'Transports Géants SA' and is_company limit 1")
long_ticket=$(sql "select id from helpdesk_ticket where number = 'HB000001'")
short_ticket=$(sql "select t.id from helpdesk_ticket t
  where t.commercial_partner_id = $big and t.id <> $long_ticket
    and (select count(*) from mail_message m where m.model = 'helpdesk.ticket' and m.res_id = t.id) = 1
  order by t.id limit 1")
subscription=$(sql "select id from sale_subscription where partner_id = $big order by id limit 1")
[ -n "$short_ticket" ] && [ -n "$subscription" ] || die "the scale data set looks incomplete"

rm -f "$LOG"
write_odoo_conf "$BENCH_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $BENCH_PORT" \
  "logfile = $LOG" "log_level = info" "max_cron_threads = 0"
# The big customer creates tickets at each run (a second run within the hour would be
# refused its tickets): the hourly limit out of its reach, restored afterwards.
port_free "$BENCH_PORT"
trap 'kill "$server" 2>/dev/null || true; restore_ticket_limit "$BENCH_DB"' EXIT
lift_ticket_limit "$BENCH_DB"
"$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$BENCH_DB" &
server=$!
wait_port "$BENCH_PORT" "$server"
say "Measuring as the big customer (bigclient)"
"$PY" "$REPO_ROOT/scripts/benchmark_scale.py" --url "http://127.0.0.1:$BENCH_PORT" --log "$LOG" \
  --rounds "${ROUNDS:-20}" --long-ticket "$long_ticket" --short-ticket "$short_ticket" \
  --subscription "$subscription" --data "seed ${SEED:-42}, database $BENCH_DB" "$@"
