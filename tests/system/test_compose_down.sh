#!/bin/bash
# `down -v` removes every container, network and volume of the project, and nothing of
# another project.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project down
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  web:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    networks: [front, back]
    volumes: ["data:/data"]
  db:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    networks: [back]
networks:
  front: {}
  back: {}
volumes:
  data: {}
YAML
other="uct-other-$$"
mkdir -p "$PROJECT_DIR/other"
cat >"$PROJECT_DIR/other/compose.yaml" <<YAML
services:
  web:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
on_exit "$UCOMPOSE" -p "$other" -f "$PROJECT_DIR/other/compose.yaml" down -t 0
uc up -d >/dev/null 2>&1 || fail "up failed"
"$UCOMPOSE" -p "$other" -f "$PROJECT_DIR/other/compose.yaml" up -d >/dev/null 2>&1 || fail "other up failed"
podman network exists "${PROJECT}_front" || fail "network front missing"
podman volume exists "${PROJECT}_data" || fail "volume data missing"
# db resolves web by its service name on their shared network (db's first nameserver is the
# back network's; web's would be front's, where db is unknown). web starts in parallel with db,
# so its DNS entry may take a moment.
wait_for 20 "db resolves web by its service name" \
    sh -c "podman exec '${PROJECT}_db_1' nslookup web 2>/dev/null | grep -q '^Name:'"

out=$(uc down -v -t 0 2>&1) || fail "down failed: $out"
assert_eq "" "$(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT")" "no container of the project left"
podman network exists "${PROJECT}_front" && fail "network front left behind"
podman network exists "${PROJECT}_back" && fail "network back left behind"
podman volume exists "${PROJECT}_data" && fail "volume data left behind"
assert_eq running "$(state_of "${other}_web_1")" "the other project's container survives"

# An orphan (a service removed from the file) stays without --remove-orphans: down warns, keeps
# the network it still uses, and exits 0; with --remove-orphans both go.
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  web:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  old:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
uc up -d >/dev/null 2>&1 || fail "up of web and old failed"
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  web:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
out=$(uc down -t 0 2>&1)
assert_eq 0 "$?" "down with an orphan left exits 0 (output: $out)"
assert_contains "$out" "found orphan containers (${PROJECT}_old_1)" "down names the orphan"
assert_contains "$out" "network ${PROJECT}_default is still in use" "down keeps the network the orphan uses, with a warning"
assert_eq running "$(state_of "${PROJECT}_old_1")" "the orphan is left running"
assert_rc 0 "down --remove-orphans" uc down -t 0 --remove-orphans
assert_eq "" "$(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT")" "--remove-orphans removed the orphan"
podman network exists "${PROJECT}_default" && fail "network default left behind after --remove-orphans"
log PASS
