#!/bin/bash
# `start SERVICE` starts the service's dependencies first, in order, in their existing containers
# (docker compose's start): after `up -d` and `stop`, `start web` brings back db, then web.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project startdeps
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  web:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: [db]
  db:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  other:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
uc up -d >/dev/null 2>&1 || fail "up failed"
web_id=$(id_of "${PROJECT}_web_1") db_id=$(id_of "${PROJECT}_db_1")
uc stop >/dev/null 2>&1 || fail "stop failed"
for s in web db other; do assert_eq exited "$(state_of "${PROJECT}_${s}_1")" "$s after stop"; done

out=$(uc start web 2>&1) || fail "start web failed: $out"
assert_eq running "$(state_of "${PROJECT}_db_1")" "db, web's dependency, after start web"
assert_eq running "$(state_of "${PROJECT}_web_1")" "web after start web"
assert_eq exited "$(state_of "${PROJECT}_other_1")" "other is not web's dependency: left alone"
assert_eq "$web_id" "$(id_of "${PROJECT}_web_1")" "start keeps web's container"
assert_eq "$db_id" "$(id_of "${PROJECT}_db_1")" "start keeps db's container"
db_at=$(started_ns "${PROJECT}_db_1") web_at=$(started_ns "${PROJECT}_web_1")
((db_at <= web_at)) || fail "db started after web ($db_at > $web_at)"
log "ok"
