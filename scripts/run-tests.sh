#!/usr/bin/env bash
# Command 2: the whole test suite on a throw-away database. See README.md.
#   TEST_HTTP_PORT (default 8169), ODOO_SRC, PG* variables; extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEST_DB=portal_test_$$
TEST_HTTP_PORT=${TEST_HTTP_PORT:-8169}
CONF=$STATE_DIR/test.conf
INSTALL_LOG=$STATE_DIR/test-install.log

ensure_venv
ensure_postgres
ensure_wkhtmltopdf

trap 'drop_db "$TEST_DB" 2>/dev/null || true' EXIT

cd "$REPO_ROOT"

say "Lint: ruff and pylint-odoo (mandatory checks)"
"$VENV/bin/ruff" check . || die "ruff found problems (above)"
"$VENV/bin/ruff" format --check . || die "ruff format would reformat files: run .venv/bin/ruff format ."
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory customer_portal_* || die "pylint-odoo found problems (above)"

write_odoo_conf "$TEST_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $TEST_HTTP_PORT" \
  "screenshots = $STATE_DIR/screenshots"
say "Installing the five addons with demo data in the throw-away database $TEST_DB"
create_french_db "$TEST_DB" "$CONF"
if ! "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$TEST_DB" -i "$DEMO_ADDONS" \
    --load-language=en_US,fr_FR --stop-after-init --logfile "$INSTALL_LOG" --log-level=info; then
  tail -n 40 "$INSTALL_LOG" >&2
  die "installing the addons failed; log: $INSTALL_LOG"
fi
# Warnings count as failures at install, as in OCA's CI; but the one Odoo logs for what
# Debian's wkhtmltopdf writes on stderr while it prints a PDF (log_problems, lib.sh).
problems=$(log_problems "$INSTALL_LOG")
if [ -n "$problems" ]; then
  printf '%s\n' "$problems" >&2
  die "installing the addons logged the warnings or errors above; log: $INSTALL_LOG"
fi

say "Running the test suite (pytest-odoo, with Odoo's HTTP server and Chromium)"
export ODOO_TEST_CONF=$CONF ODOO_TEST_DB=$TEST_DB
# With OCA's own test suites of the OCA modules we install, as Odoo's runner collects
# them, our intended differences expected to fail (scripts/oca_suites.py).
oca_tests=$("$PY" scripts/oca_suites.py) || die "the OCA modules' test folders were not found (above)"
mapfile -t OCA_TESTS <<< "$oca_tests"
set +e
PYTHONPATH="$REPO_ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" \
"$VENV/bin/pytest" -p no:cacheprovider -p oca_suites --rootdir="$REPO_ROOT" \
  --odoo-database="$TEST_DB" --odoo-config="$CONF" \
  --odoo-http customer_portal_*/tests tests "${OCA_TESTS[@]}" "$@"
status=$?
set -e
exit $status
