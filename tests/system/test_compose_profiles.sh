#!/bin/bash
# Profiles: services of an inactive profile are not started; --profile and naming the
# service enable them.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project profiles
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  base:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  debug:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [debug]
  tools:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [tools]
YAML
uc up -d >/dev/null 2>&1 || fail "up -d failed"
assert_eq running "$(state_of "${PROJECT}_base_1")" "base runs"
assert_eq "" "$(state_of "${PROJECT}_debug_1")" "debug (inactive profile) does not exist"
uc --profile debug up -d >/dev/null 2>&1 || fail "up --profile debug failed"
assert_eq running "$(state_of "${PROJECT}_debug_1")" "debug runs with --profile debug"
assert_eq "" "$(state_of "${PROJECT}_tools_1")" "tools still absent"
uc up -d tools >/dev/null 2>&1 || fail "up tools failed"
assert_eq running "$(state_of "${PROJECT}_tools_1")" "naming a service enables its profile"
assert_eq "base debug tools" "$(uc ps --services | sort | xargs)" "ps --services"
