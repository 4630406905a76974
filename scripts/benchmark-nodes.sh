#!/usr/bin/env bash
# Concurrency and nodes (issue 12): one Odoo with --workers=2, two nodes behind nginx
# (deploy/nginx.conf), 50 simultaneous ticket submissions on each, sessions across nodes,
# worker memory after 2,000 requests. Installs Debian's nginx if missing (as root).
#   BENCH_DB (default portal_scale: make benchmark-scale builds it; any demo database
#   works), NODES_PORT (default 8500: nginx; the nodes use the next ports), PG_RESTART
#   (the command that restarts PostgreSQL for the fault run; default: pg_ctlcluster for
#   a local Debian cluster; empty: no fault run).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_DB=${BENCH_DB:-portal_scale}
PORT=${NODES_PORT:-8500}
NODE1=$((PORT + 1)) NODE2=$((PORT + 2)) WS1=$((PORT + 11)) WS2=$((PORT + 12))
PREFIX=$STATE_DIR/nginx

ensure_venv
ensure_postgres
db_exists "$BENCH_DB" || die "no database $BENCH_DB: run make benchmark-scale first (or BENCH_DB=portal_demo)"
if ! command -v nginx >/dev/null; then
  say "Installing Debian's nginx"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } >/dev/null \
    || die "could not install nginx (apt-get install nginx, as root)"
fi

# The fault run restarts the local PostgreSQL cluster (PG_RESTART= to skip it).
restart=${PG_RESTART-}
if [ -z "${PG_RESTART+set}" ] && command -v pg_ctlcluster >/dev/null && [ "$DB_HOST" = 127.0.0.1 ]; then
  cluster=$(pg_lsclusters -h | awk '$3 == '"$DB_PORT"' {print $1 " " $2; exit}')
  [ -n "$cluster" ] && restart="pg_ctlcluster --skip-systemctl-redirect $cluster restart"
fi

# Submissions come from three demo customers: the hourly limit out of their reach during
# the run (its lock per customer stays part of a concurrent creation), restored afterwards.
pids=()
cleanup() {
  [ -f "$PREFIX/nginx.pid" ] && kill "$(cat "$PREFIX/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  restore_ticket_limit "$BENCH_DB"
}
trap cleanup EXIT
for port in $PORT $NODE1 $NODE2 $WS1 $WS2; do port_free "$port"; done
lift_ticket_limit "$BENCH_DB"

for n in 1 2; do
  http=$((PORT + n)) ws=$((PORT + 10 + n))
  write_odoo_conf "$BENCH_DB" "$STATE_DIR/node$n.conf" "http_interface = 127.0.0.1" \
    "http_port = $http" "gevent_port = $ws" "workers = 2" "proxy_mode = True" \
    "max_cron_threads = 0" "logfile = $STATE_DIR/node$n.log" "limit_time_real = 600" \
    "limit_memory_soft = 2147483648" "limit_memory_hard = 2684354560"
  "$PY" "$ODOO_SRC/odoo-bin" -c "$STATE_DIR/node$n.conf" -d "$BENCH_DB" &
  pids+=($!)
done
mkdir -p "$PREFIX"
sed -e "s#__PREFIX__#$PREFIX#g" -e "s/__PORT__/$PORT/" -e "s/__NODE1__/$NODE1/" \
  -e "s/__NODE2__/$NODE2/" -e "s/__NODE1_WS__/$WS1/" -e "s/__NODE2_WS__/$WS2/" \
  "$REPO_ROOT/deploy/nginx.conf" > "$PREFIX/nginx.conf"
nginx -c "$PREFIX/nginx.conf" -p "$PREFIX" || die "nginx did not start (see $PREFIX/error.log)"
wait_port "$NODE1" "${pids[0]}"
wait_port "$NODE2" "${pids[1]}"
wait_port "$PORT" "$(cat "$PREFIX/nginx.pid")"
sleep 3
say "Two nodes (workers=2 each) on ports $NODE1 and $NODE2, nginx on $PORT"
"$PY" "$REPO_ROOT/scripts/benchmark_nodes.py" --node1 "http://127.0.0.1:$NODE1" \
  --node2 "http://127.0.0.1:$NODE2" --nginx "http://127.0.0.1:$PORT" \
  --dsn "host=$DB_HOST port=$DB_PORT user=$DB_USER password=$DB_PASSWORD dbname=$BENCH_DB" \
  --pid1 "${pids[0]}" --pid2 "${pids[1]}" --filestore "$STATE_DIR/filestore/filestore/$BENCH_DB" \
  --restart "$restart" "$@"
