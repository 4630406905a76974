#!/usr/bin/env bash
# Command 1: build (once) and serve the demo portal. See README.md.
#   HTTP_PORT (default 8069), DEMO_DB (default portal_demo), ODOO_SRC, PG* variables.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEMO_DB=${DEMO_DB:-portal_demo}
HTTP_PORT=${HTTP_PORT:-8069}
CONF=$STATE_DIR/demo.conf

ensure_venv
ensure_postgres
ensure_wkhtmltopdf
write_odoo_conf "$DEMO_DB" "$CONF" "http_interface = 127.0.0.1" "http_port = $HTTP_PORT" \
  "logfile = $STATE_DIR/demo-server.log"

if ! db_exists "$DEMO_DB"; then
  say "Building the demo database '$DEMO_DB' (first run: about two minutes)"
  build_demo_db "$DEMO_DB"
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

if port_open "$HTTP_PORT"; then
  die "port $HTTP_PORT is already in use: stop what runs there or pick another with HTTP_PORT=8070 make run"
fi

cat <<MSG

  Demo portal:  http://127.0.0.1:$HTTP_PORT/web/login      (database $DEMO_DB)

  Logins (password = login):
    admin        administrator
    technicien   support technician (Helpdesk opens on the queue)
    commercial   salesperson (Sales opens on the quotations)
    client3      portal customer, 3 stars  (Transports Martin SARL)
    client4      portal customer, 4 stars  (Logistique Dubois SA)
    client5      portal customer, 5 stars  (Ambulances Bernard)

  Server log: $STATE_DIR/demo-server.log      Stop with Ctrl+C.

MSG
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DEMO_DB"
