#!/bin/bash
# `up` twice recreates nothing; a changed environment recreates just that service.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project recreate
write() {
    cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  a:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    environment: {MODE: "$1"}
  b:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
}
write one
uc up -d >/dev/null 2>&1 || fail "first up failed"
a1=$(id_of "${PROJECT}_a_1") b1=$(id_of "${PROJECT}_b_1")
out=$(uc up -d 2>&1) || fail "second up failed: $out"
assert_eq "$a1" "$(id_of "${PROJECT}_a_1")" "a kept on an unchanged up"
assert_eq "$b1" "$(id_of "${PROJECT}_b_1")" "b kept on an unchanged up"
assert_contains "$out" "${PROJECT}_a_1  Running" "progress says Running"
write two
out=$(uc up -d 2>&1) || fail "third up failed: $out"
assert_ne "$a1" "$(id_of "${PROJECT}_a_1")" "a recreated after its environment changed"
assert_eq "$b1" "$(id_of "${PROJECT}_b_1")" "b untouched"
assert_eq "MODE=two" "$(podman exec "${PROJECT}_a_1" sh -c 'echo MODE=$MODE')" "new environment"
out=$(uc up -d --force-recreate b 2>&1) || fail "force-recreate failed: $out"
assert_ne "$b1" "$(id_of "${PROJECT}_b_1")" "--force-recreate b recreates b"
