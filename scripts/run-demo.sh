#!/usr/bin/env bash
# Command 1: build (once) and serve the demo portal. See README.md.
#   HTTP_PORT (default 8069), DEMO_DB (default portal_demo), ODOO_SRC, PG* variables.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEMO_DB=${DEMO_DB:-portal_demo}
HTTP_PORT=${HTTP_PORT:-8069}
CONF=$STATE_DIR/demo.conf

ensure_venv
ensure_postgres
write_odoo_conf "$DEMO_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $HTTP_PORT" \
  "logfile = $STATE_DIR/demo-server.log"

# The demo is built under a temporary name and renamed only once complete, so an
# interrupted build never leaves a half-built portal_demo behind.
if ! db_exists "$DEMO_DB"; then
  building=${DEMO_DB}_building
  drop_db "$building"
  say "Building the demo database '$DEMO_DB' (first run: about two minutes)"
  write_odoo_conf "$building" "$STATE_DIR/demo-build.conf"
  create_french_db "$building" "$STATE_DIR/demo-build.conf"
  if ! "$PY" "$ODOO_SRC/odoo-bin" -c "$STATE_DIR/demo-build.conf" -d "$building" \
      -i "$DEMO_ADDONS" --load-language=en_US,fr_FR --stop-after-init \
      --logfile "$STATE_DIR/demo-build.log" --log-level=warn; then
    tail -n 40 "$STATE_DIR/demo-build.log" >&2
    drop_db "$building" || true
    die "building the demo database failed; the log is $STATE_DIR/demo-build.log (its end is above)"
  fi
  if grep -qE ' (ERROR|CRITICAL) ' "$STATE_DIR/demo-build.log"; then
    grep -E ' (ERROR|CRITICAL) ' "$STATE_DIR/demo-build.log" | head -n 20 >&2
    drop_db "$building" || true
    die "the demo build logged errors (above); full log: $STATE_DIR/demo-build.log"
  fi
  odoo_psql -d postgres -c "ALTER DATABASE \"$building\" RENAME TO \"$DEMO_DB\"" >/dev/null
  if [ -d "$STATE_DIR/filestore/filestore/$building" ]; then
    rm -rf "$STATE_DIR/filestore/filestore/$DEMO_DB"
    mv "$STATE_DIR/filestore/filestore/$building" "$STATE_DIR/filestore/filestore/$DEMO_DB"
  fi
fi

# A demo built before an addon joined the suite gets it (with its demo data) now.
wanted=$(echo "$DEMO_ADDONS" | tr ',' '\n' | wc -l)
quoted=$(echo "$DEMO_ADDONS" | sed "s/[^,]*/'&'/g")
have=$(odoo_psql -d "$DEMO_DB" -tAc \
  "select count(*) from ir_module_module where state = 'installed' and name in ($quoted)")
if [ "$have" != "$wanted" ]; then
  say "Adding the suite's new addons to the demo database '$DEMO_DB'"
  "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DEMO_DB" -i "$DEMO_ADDONS" --stop-after-init \
    --logfile "$STATE_DIR/demo-build.log" --log-level=warn \
    || die "adding the new addons failed; log: $STATE_DIR/demo-build.log"
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
  die "port $HTTP_PORT is already in use: stop what runs there or pick another with HTTP_PORT=8070 make run"
fi

cat <<MSG

  Demo portal:  http://127.0.0.1:$HTTP_PORT/web/login      (database $DEMO_DB)

  Logins (password = login):
    admin        administrator
    technicien   support technician (Helpdesk opens on the queue)
    commercial   salesperson
    client3      portal customer, 3 stars  (Transports Martin SARL)
    client4      portal customer, 4 stars  (Logistique Dubois SA)
    client5      portal customer, 5 stars  (Ambulances Bernard)

  Server log: $STATE_DIR/demo-server.log      Stop with Ctrl+C.

MSG
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DEMO_DB"
