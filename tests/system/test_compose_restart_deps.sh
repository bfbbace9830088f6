#!/bin/bash
# `restart SERVICE` also restarts the services whose depends_on entry on it says restart: true
# (after it, in dependency order), and leaves the other dependents running as they were.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project restartdeps
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  db:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  api:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on:
      db: {condition: service_started, restart: true}
  other:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: [db]
YAML
uc up -d >/dev/null 2>&1 || fail "up failed"
api0=$(started_ns "${PROJECT}_api_1")
other0=$(started_ns "${PROJECT}_other_1")
db0=$(started_ns "${PROJECT}_db_1")
uc restart -t 0 db >/dev/null 2>&1 || fail "restart db failed"
db1=$(started_ns "${PROJECT}_db_1")
api1=$(started_ns "${PROJECT}_api_1")
((db1 > db0)) || fail "db was not restarted"
((api1 > api0)) || fail "api (restart: true on db) was not restarted"
((api1 >= db1)) || fail "api restarted before db"
assert_eq "$other0" "$(started_ns "${PROJECT}_other_1")" "other (no restart: true) kept running"
for s in db api other; do assert_eq running "$(state_of "${PROJECT}_${s}_1")" "$s runs"; done
log "ok"
