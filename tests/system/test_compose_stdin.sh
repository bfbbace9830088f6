#!/bin/bash
# `-f -` reads the compose file from stdin for every command, as in docker compose: `up -d`, `ps`
# and `down` of a project whose only file is piped in.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project stdin
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  piped:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
ucs() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f - "$@" <"$PROJECT_DIR/compose.yaml"; }
ucs up -d >/dev/null 2>&1 || fail "up -d with -f - failed"
assert_eq running "$(state_of "${PROJECT}_piped_1")" "the service of the piped file runs"
assert_eq piped "$(ucs ps --services 2>/dev/null)" "ps --services with -f -"
assert_eq "-" "$(podman inspect --format '{{index .Config.Labels "com.docker.compose.project.config_files"}}' "${PROJECT}_piped_1")" \
    "config_files label of a piped file"
ucs down -t 0 >/dev/null 2>&1 || fail "down with -f - failed"
assert_eq "" "$(state_of "${PROJECT}_piped_1")" "down removed the container"
assert_eq "" "$(podman network ls -q --filter "name=^${PROJECT}_default\$")" "down removed the network"
log "ok"
