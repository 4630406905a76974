#!/usr/bin/env bash
# Drops the demo database (and its files) so that the next `make run` builds it anew.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DEMO_DB=${DEMO_DB:-portal_demo}
ensure_postgres
drop_db "$DEMO_DB"
say "Dropped the demo database '$DEMO_DB'"
