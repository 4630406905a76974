# Shared by scripts/run-demo.sh and scripts/run-tests.sh: sourced, not run.
# Sets up the venv, finds Odoo's source and a PostgreSQL server, writes an Odoo config.
# Every failure says what went wrong and what to do.

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/18.0}
VENV=${VENV:-$REPO_ROOT/.venv}
STATE_DIR=$REPO_ROOT/.local
PY=$VENV/bin/python

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

ensure_odoo_src() {
  if [ -f "$ODOO_SRC/odoo/release.py" ]; then
    return
  fi
  say "Odoo 18.0 source not found at $ODOO_SRC; trying a shallow clone of the official repository"
  if git clone --quiet --depth 1 -b 18.0 https://github.com/odoo/odoo "$ODOO_SRC" 2>/dev/null; then
    return
  fi
  die "The Odoo 18.0 Community source is not at $ODOO_SRC and could not be cloned.
  Put it there with:   git clone --depth 1 -b 18.0 https://github.com/odoo/odoo $ODOO_SRC
  or point ODOO_SRC at an existing Odoo 18.0 source tree (the folder holding odoo-bin)."
}

# pip, its output kept in .local/pip.log and shown (the end of it) only when it fails.
pip_quiet() {
  if ! "$PY" -m pip install "$@" >>"$STATE_DIR/pip.log" 2>&1; then
    grep -v "is ignored: it is neither a file nor a directory" "$STATE_DIR/pip.log" | tail -n 30 >&2
    return 1
  fi
}

# The venv is rebuilt only when one of its inputs changed (stamp = hash of the inputs).
ensure_venv() {
  ensure_odoo_src
  local stamp_file=$VENV/.portal-suite-stamp
  local stamp
  stamp=$( (cat "$ODOO_SRC/requirements.txt" "$REPO_ROOT/requirements-dev.txt"; echo "$ODOO_SRC") | sha1sum | cut -d' ' -f1)
  if [ -x "$PY" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    return
  fi
  say "Creating the Python environment in $VENV (first run: a few minutes)"
  mkdir -p "$STATE_DIR"
  [ -x "$PY" ] || python3 -m venv "$VENV" || die "python3 -m venv failed: install Python 3.10+ with venv (Debian: apt-get install python3-venv)."
  pip_quiet --upgrade pip setuptools wheel || die "could not upgrade pip in $VENV"
  # Odoo 18 pins cbor2==5.4.2 for Python < 3.12; that sdist no longer builds (ODOO_SETUP.md).
  mkdir -p "$STATE_DIR"
  sed -E 's/^cbor2==5\.4\.2/cbor2==5.6.2/' "$ODOO_SRC/requirements.txt" > "$STATE_DIR/odoo-requirements.txt"
  pip_quiet -r "$STATE_DIR/odoo-requirements.txt" \
    || die "installing Odoo's Python requirements failed. psycopg2 and python-ldap build from source:
  on Debian/Ubuntu run: apt-get install -y libpq-dev libldap2-dev libsasl2-dev python3-dev build-essential"
  # compat mode: the strict editable mode breaks once OCA wheels populate odoo/addons (ODOO_SETUP.md).
  pip_quiet --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat \
    || die "installing Odoo from $ODOO_SRC into the venv failed"
  pip_quiet -r "$REPO_ROOT/requirements-dev.txt" \
    || die "installing the OCA addons and test tools from PyPI failed (see the pip output above)"
  "$PY" -c 'import odoo.release as r; assert r.version_info[0] == 18, r.version' \
    || die "the venv does not import Odoo 18 (is $ODOO_SRC an Odoo 18.0 tree?)"
  echo "$stamp" > "$stamp_file"
}

# --- wkhtmltopdf ------------------------------------------------------------------------------
# Odoo prints PDFs (invoices, quotes, orders, subscriptions) with wkhtmltopdf. Debian's
# package (0.12.6 on unpatched Qt) is installed when it is missing and we may install
# packages (root, or sudo without a password); otherwise a warning says how, and PDF
# downloads fail ("Wkhtmltopdf est introuvable") until it is installed.
warn() { printf '\033[1;33mWARNING: %s\033[0m\n' "$*" >&2; }

ensure_wkhtmltopdf() {
  command -v wkhtmltopdf >/dev/null 2>&1 && return 0
  local apt=()
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo -n env DEBIAN_FRONTEND=noninteractive apt-get)
    fi
  fi
  if [ ${#apt[@]} -gt 0 ]; then
    say "Installing Debian's wkhtmltopdf, which Odoo prints PDF documents with"
    mkdir -p "$STATE_DIR"
    # The package lists of a fresh system may be empty or stale: refreshed only if needed.
    if "${apt[@]}" install -y -qq wkhtmltopdf >>"$STATE_DIR/apt.log" 2>&1 \
      || { "${apt[@]}" update -qq >>"$STATE_DIR/apt.log" 2>&1 \
        && "${apt[@]}" install -y -qq wkhtmltopdf >>"$STATE_DIR/apt.log" 2>&1; }; then
      command -v wkhtmltopdf >/dev/null 2>&1 && return 0
    fi
    tail -n 5 "$STATE_DIR/apt.log" >&2 || true
  fi
  warn "wkhtmltopdf is not installed and could not be installed here: downloading an invoice,
  a quote, an order or a subscription as PDF will fail (\"Wkhtmltopdf est introuvable\").
  Install it as root (Debian/Ubuntu): apt-get install wkhtmltopdf   then run this command again."
  return 0
}

# The lines of Odoo log $1 at WARNING level or above, but the one warning Debian's
# wkhtmltopdf causes: Odoo logs what it writes on stderr ("wkhtmltopdf: QStandardPaths:
# XDG_RUNTIME_DIR not set...") as a warning of ir_actions_report even when the PDF is made.
log_problems() {
  grep -E ' (WARNING|ERROR|CRITICAL) ' "$1" \
    | grep -vE '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING [^ ]+ odoo\.addons\.base\.models\.ir_actions_report: wkhtmltopdf: ' \
    || true
}

# --- PostgreSQL ------------------------------------------------------------------------------
# Order: $PGHOST/$PGPORT/$PGUSER/$PGPASSWORD if given; a server on localhost:5432; the local
# Debian cluster if installed but stopped (started); else a private cluster under .local/pg.
# Exports DB_HOST DB_PORT DB_USER DB_PASSWORD for the Odoo config.
ODOO_DB_ROLE=${ODOO_DB_ROLE:-odoo}
ODOO_DB_PASSWORD=${ODOO_DB_PASSWORD:-odoo}
PRIVATE_PG_DIR=$STATE_DIR/pg
PRIVATE_PG_PORT=${PRIVATE_PG_PORT:-55432}

pg_ready() { pg_isready -q -h "$1" -p "$2" -t 3 >/dev/null 2>&1; }

# Runs SQL as a role allowed to create roles, trying the ways a local server lets us in.
admin_sql() {
  local host=$1 port=$2 sql=$3
  if [ -n "${PGUSER:-}" ] && [ "${PGUSER}" != "$ODOO_DB_ROLE" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$PGUSER" -d postgres -c "$sql" && return
  fi
  psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d postgres -c "$sql" 2>/dev/null && return
  psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -d postgres -c "$sql" 2>/dev/null && return
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ "$host" = 127.0.0.1 ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -c "$sql" && return
  fi
  return 1
}

# Makes sure the Odoo role exists (with CREATEDB) and that we can log in with it.
ensure_odoo_role() {
  local host=$1 port=$2
  if PGPASSWORD=$ODOO_DB_PASSWORD psql -X -q -h "$host" -p "$port" -U "$ODOO_DB_ROLE" -d postgres -c 'select 1' >/dev/null 2>&1; then
    return
  fi
  say "Creating the PostgreSQL role '$ODOO_DB_ROLE' for Odoo on $host:$port"
  admin_sql "$host" "$port" "DO \$\$BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ODOO_DB_ROLE') THEN
        CREATE ROLE \"$ODOO_DB_ROLE\" LOGIN CREATEDB PASSWORD '$ODOO_DB_PASSWORD';
      ELSE
        ALTER ROLE \"$ODOO_DB_ROLE\" LOGIN CREATEDB PASSWORD '$ODOO_DB_PASSWORD';
      END IF; END\$\$;" \
    || die "could not create the PostgreSQL role '$ODOO_DB_ROLE' on $host:$port.
  Create it yourself (as a superuser): CREATE ROLE $ODOO_DB_ROLE LOGIN CREATEDB PASSWORD '$ODOO_DB_PASSWORD';
  or give credentials of a role that may create roles with PGUSER/PGPASSWORD."
}

start_private_cluster() {
  command -v initdb >/dev/null || [ -x "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n1)/initdb" ] \
    || die "no PostgreSQL server is reachable and none is installed.
  Install one (Debian: apt-get install postgresql) or set PGHOST/PGPORT/PGUSER/PGPASSWORD."
  local bindir
  bindir=$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb | tail -n1)")
  local run=()
  # initdb and postgres refuse to run as root: run them as the postgres OS user then.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root and there is no 'postgres' OS user to own a private PostgreSQL cluster"
    run=(runuser -u postgres --)
  fi
  mkdir -p "$PRIVATE_PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PRIVATE_PG_DIR"
  if [ ! -f "$PRIVATE_PG_DIR/data/PG_VERSION" ]; then
    say "Creating a private PostgreSQL cluster in $PRIVATE_PG_DIR/data (port $PRIVATE_PG_PORT)"
    rm -rf "$PRIVATE_PG_DIR/data"
    "${run[@]}" "$bindir/initdb" -q -D "$PRIVATE_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      || die "initdb into $PRIVATE_PG_DIR/data failed (see above); delete that folder and run again"
  fi
  if ! pg_ready 127.0.0.1 "$PRIVATE_PG_PORT"; then
    say "Starting the private PostgreSQL cluster on port $PRIVATE_PG_PORT"
    "${run[@]}" "$bindir/pg_ctl" -D "$PRIVATE_PG_DIR/data" -l "$PRIVATE_PG_DIR/server.log" -w \
      -o "-p $PRIVATE_PG_PORT -k $PRIVATE_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
      || die "the private PostgreSQL cluster did not start: see $PRIVATE_PG_DIR/server.log"
  fi
}

ensure_postgres() {
  command -v psql >/dev/null || die "psql is missing: install the PostgreSQL client (Debian: apt-get install postgresql-client)"
  if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}${PGPASSWORD:-}" ]; then
    DB_HOST=${PGHOST:-127.0.0.1}; DB_PORT=${PGPORT:-5432}
    pg_ready "$DB_HOST" "$DB_PORT" || die "the PostgreSQL server given by PGHOST/PGPORT ($DB_HOST:$DB_PORT) does not answer"
    if [ -n "${PGUSER:-}" ] && [ "$PGUSER" != postgres ]; then
      DB_USER=$PGUSER; DB_PASSWORD=${PGPASSWORD:-}
    else
      ensure_odoo_role "$DB_HOST" "$DB_PORT"; DB_USER=$ODOO_DB_ROLE; DB_PASSWORD=$ODOO_DB_PASSWORD
    fi
  else
    DB_HOST=127.0.0.1; DB_PORT=5432
    if ! pg_ready "$DB_HOST" "$DB_PORT"; then
      local ver
      ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)
      if [ -n "$ver" ] && command -v pg_ctlcluster >/dev/null; then
        say "Starting the local PostgreSQL $ver server"
        pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || true
        for _ in $(seq 1 20); do pg_ready "$DB_HOST" "$DB_PORT" && break; sleep 0.5; done
      fi
    fi
    if ! pg_ready "$DB_HOST" "$DB_PORT"; then
      start_private_cluster
      DB_PORT=$PRIVATE_PG_PORT
    fi
    ensure_odoo_role "$DB_HOST" "$DB_PORT"
    DB_USER=$ODOO_DB_ROLE; DB_PASSWORD=$ODOO_DB_PASSWORD
  fi
  export DB_HOST DB_PORT DB_USER DB_PASSWORD
}

# Writes an Odoo config for database $1 to $2; extra "key = value" lines may follow as $3...
write_odoo_conf() {
  local db=$1 conf=$2; shift 2
  mkdir -p "$(dirname "$conf")" "$STATE_DIR/filestore"
  {
    echo "[options]"
    echo "db_host = $DB_HOST"
    echo "db_port = $DB_PORT"
    echo "db_user = $DB_USER"
    echo "db_password = $DB_PASSWORD"
    echo "db_name = $db"
    echo "dbfilter = ^$db\$"
    echo "list_db = False"
    echo "addons_path = $ODOO_SRC/odoo/addons,$REPO_ROOT"
    echo "data_dir = $STATE_DIR/filestore"
    echo "admin_passwd = ${ODOO_ADMIN_PASSWD:-admin}"
    for line in "$@"; do echo "$line"; done
  } > "$conf"
}

# psql against the Odoo server with the Odoo role.
odoo_psql() { PGOPTIONS="--client-min-messages=warning" PGPASSWORD=$DB_PASSWORD psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
# Drops database $1 and its filestore, if they exist.
drop_db() {
  odoo_psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" >/dev/null
  rm -rf "$STATE_DIR/filestore/filestore/$1"
}
# Creates database $1 (config $2) with a French company: EUR, then the French chart of
# accounts and VAT (l10n_fr_account, loaded once its registry is complete, before any
# module creates invoices), as the demo and the tests use.
create_french_db() {
  "$PY" "$REPO_ROOT/scripts/create_french_db.py" "$2" "$1" >>"$STATE_DIR/create-db.log" 2>&1 \
    || { tail -n 20 "$STATE_DIR/create-db.log" >&2; die "creating the database $1 failed"; }
  "$PY" "$ODOO_SRC/odoo-bin" -c "$2" -d "$1" -i l10n_fr_account --stop-after-init \
    --logfile "$STATE_DIR/create-db.log" --log-level=warn \
    || { tail -n 20 "$STATE_DIR/create-db.log" >&2; die "installing the French chart in $1 failed"; }
}
db_exists() { [ "$(odoo_psql -d postgres -tAc "select 1 from pg_database where datname = '$1'")" = 1 ]; }

ADDONS="customer_portal_subscription,customer_portal_tickets,customer_portal_credit,customer_portal_remote,customer_portal_technician"
# The demo portal and the test database also get the "Demo" payment provider (test
# mode), so that customers can save a payment method through the native flow.
DEMO_ADDONS="$ADDONS,payment_demo"

# Builds the demo database $1 (the addons with their demo data, French) under a
# temporary name, runs "$2 <database> <config>" on it when given (more data), and renames
# it only once all is done: an interrupted build never leaves a half-built $1 behind.
build_demo_db() {
  local target=$1 extra=${2:-} building=${1}_building
  local conf=$STATE_DIR/build-$1.conf log=$STATE_DIR/build-$1.log
  drop_db "$building"
  write_odoo_conf "$building" "$conf"
  create_french_db "$building" "$conf"
  if ! "$PY" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$building" -i "$DEMO_ADDONS" \
      --load-language=en_US,fr_FR --stop-after-init --logfile "$log" --log-level=warn; then
    tail -n 40 "$log" >&2
    drop_db "$building" || true
    die "building the database $target failed; the log is $log (its end is above)"
  fi
  if grep -qE ' (ERROR|CRITICAL) ' "$log"; then
    grep -E ' (ERROR|CRITICAL) ' "$log" | head -n 20 >&2
    drop_db "$building" || true
    die "building the database $target logged errors (above); full log: $log"
  fi
  if [ -n "$extra" ] && ! "$extra" "$building" "$conf"; then
    drop_db "$building" || true
    die "completing the database $target failed"
  fi
  odoo_psql -d postgres -c "ALTER DATABASE \"$building\" RENAME TO \"$target\"" >/dev/null
  if [ -d "$STATE_DIR/filestore/filestore/$building" ]; then
    rm -rf "$STATE_DIR/filestore/filestore/$target"
    mv "$STATE_DIR/filestore/filestore/$building" "$STATE_DIR/filestore/filestore/$target"
  fi
}

# Whether something listens on local TCP port $1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Dies when local port $1 is taken (a server left over from an interrupted run would
# answer in place of the one about to start).
port_free() { ! port_open "$1" || die "port $1 is already in use: stop what runs there first"; }
# Waits until the server of pid $2 listens on port $1; dies if it stops or never does.
wait_port() {
  for _ in $(seq 90); do
    port_open "$1" && return 0
    kill -0 "$2" 2>/dev/null || die "the server meant for port $1 stopped (see its log)"
    sleep 1
  done
  die "nothing listens on port $1 after 90 seconds"
}

# The benchmarks' customers create many tickets: the hourly limit of database $1 is set out
# of their reach (not 0, which turns the check and its cost off) and each company's own
# is put back by restore_ticket_limit, even after a run that was killed (kept in a file).
lift_ticket_limit() {
  local saved=$STATE_DIR/ticket-limit.$1
  [ -f "$saved" ] || odoo_psql -d "$1" -tAc \
    "select id || ' ' || portal_ticket_hourly_limit from res_company" > "$saved"
  odoo_psql -d "$1" -c "update res_company set portal_ticket_hourly_limit = 1000000" >/dev/null
}
restore_ticket_limit() {
  local saved=$STATE_DIR/ticket-limit.$1 id limit
  [ -f "$saved" ] || return 0
  while read -r id limit; do
    [ -n "$id" ] || continue
    odoo_psql -d "$1" -c \
      "update res_company set portal_ticket_hourly_limit = $limit where id = $id" >/dev/null
  done < "$saved"
  rm -f "$saved"
}
