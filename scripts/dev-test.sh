#!/usr/bin/env bash
# Developer loop (not the README's test command, which always starts from an empty
# database): a database kept between runs, built once, upgraded with the addons' current
# code, then the tests given.
#   bash scripts/dev-test.sh customer_portal_tickets/tests/test_x.py -k name
#   DEV_DB (default dev_<folder of the clone>), DEV_HTTP_PORT (default 8269),
#   DEV_FRESH=1 rebuilds the database, DEV_NO_UPDATE=1 skips the upgrade,
#   DEV_TEMPLATE=<database> copies that database instead of building (its files from
#   DEV_TEMPLATE_FILES, the .local folder of the clone that built it).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

folder=$(basename "$REPO_ROOT" | tr -c 'a-zA-Z0-9_\n' _)
DEV_DB=${DEV_DB:-dev_$folder}
DEV_HTTP_PORT=${DEV_HTTP_PORT:-8269}
CONF=$STATE_DIR/dev-$DEV_DB.conf
LOG=$STATE_DIR/dev-$DEV_DB.log

ensure_venv
ensure_postgres
cd "$REPO_ROOT"
write_odoo_conf "$DEV_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $DEV_HTTP_PORT" \
  "screenshots = $STATE_DIR/screenshots"

[ -n "${DEV_FRESH:-}" ] && drop_db "$DEV_DB"
if ! db_exists "$DEV_DB"; then
  if [ -n "${DEV_TEMPLATE:-}" ] && db_exists "$DEV_TEMPLATE"; then
    say "Copying the database $DEV_TEMPLATE into $DEV_DB"
    odoo_psql -d postgres -c "CREATE DATABASE \"$DEV_DB\" TEMPLATE \"$DEV_TEMPLATE\"" >/dev/null \
      || die "copying $DEV_TEMPLATE failed (is a server connected to it?)"
    # Its files: in this clone's data_dir, or DEV_TEMPLATE_FILES (another clone's .local).
    template_files=${DEV_TEMPLATE_FILES:-$STATE_DIR}/filestore/filestore/$DEV_TEMPLATE
    if [ -d "$template_files" ]; then
      mkdir -p "$STATE_DIR/filestore/filestore"
      rm -rf "$STATE_DIR/filestore/filestore/$DEV_DB"
      cp -r "$template_files" "$STATE_DIR/filestore/filestore/$DEV_DB"
    fi
  else
    say "Building the database $DEV_DB (the addons with demo data, French)"
    create_french_db "$DEV_DB" "$CONF"
    "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DEV_DB" -i "$DEMO_ADDONS" \
      --load-language=en_US,fr_FR --stop-after-init --logfile "$LOG" --log-level=warn \
      || { tail -n 40 "$LOG" >&2; die "installing the addons failed; log: $LOG"; }
    DEV_NO_UPDATE=1
  fi
fi
if [ -z "${DEV_NO_UPDATE:-}" ]; then
  say "Upgrading the addons in $DEV_DB"
  : > "$LOG"
  "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DEV_DB" -u "$ADDONS" --stop-after-init \
    --logfile "$LOG" --log-level=warn \
    || { tail -n 40 "$LOG" >&2; die "upgrading the addons failed; log: $LOG"; }
  if grep -E ' (WARNING|ERROR|CRITICAL) ' "$LOG"; then
    say "The upgrade logged the warnings or errors above (make test fails on those at install)"
  fi
fi

export ODOO_TEST_CONF=$CONF ODOO_TEST_DB=$DEV_DB
exec "$VENV/bin/pytest" -p no:cacheprovider --odoo-database="$DEV_DB" --odoo-config="$CONF" \
  --odoo-http "$@"
