#!/usr/bin/env bash
# Portal page costs, measured against native Odoo portal pages in the same run:
# SQL queries per request (from Odoo's request log) and latency.
#   BENCH_DB: an existing database with the demo data (default: a throw-away one is built)
#   BENCH_PORT (default 8369), ROUNDS (default 20); extra arguments go to the Python part.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_PORT=${BENCH_PORT:-8369}
CONF=$STATE_DIR/bench.conf
LOG=$STATE_DIR/bench-server.log

ensure_venv
ensure_postgres

if [ -z "${BENCH_DB:-}" ]; then
  BENCH_DB=portal_bench_$$
  trap 'kill "$server" 2>/dev/null || true; drop_db "$BENCH_DB" 2>/dev/null || true; drop_db "${BENCH_DB}_building" 2>/dev/null || true' EXIT
  say "Building the throw-away database $BENCH_DB (about two minutes)"
  build_demo_db "$BENCH_DB"
else
  trap 'kill "$server" 2>/dev/null || true' EXIT
fi

rm -f "$LOG"
write_odoo_conf "$BENCH_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $BENCH_PORT" \
  "logfile = $LOG" "log_level = info" "max_cron_threads = 0"
port_free "$BENCH_PORT"
"$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$BENCH_DB" &
server=$!
wait_port "$BENCH_PORT" "$server"
"$PY" "$REPO_ROOT/scripts/benchmark_portal.py" --url "http://127.0.0.1:$BENCH_PORT" \
  --log "$LOG" --rounds "${ROUNDS:-20}" "$@"
