#!/bin/bash
# up --scale SERVICE=NUM runs that many containers and scales down by removing the highest
# numbers; attached up streams only --attach services and never --no-attach ones.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project scale
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  w:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  a:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo line-from-a"]
    profiles: [talk]
  b:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo line-from-b"]
    profiles: [talk]
YAML
uc up -d --scale w=3 >/dev/null 2>&1 || fail "up --scale w=3 failed"
for n in 1 2 3; do assert_eq running "$(state_of "${PROJECT}_w_$n")" "w_$n runs"; done
id1=$(id_of "${PROJECT}_w_1")
uc up -d --scale w=1 >/dev/null 2>&1 || fail "up --scale w=1 failed"
assert_eq running "$(state_of "${PROJECT}_w_1")" "w_1 still runs"
assert_eq "$id1" "$(id_of "${PROJECT}_w_1")" "scaling down keeps w_1's container"
assert_eq "" "$(state_of "${PROJECT}_w_2")$(state_of "${PROJECT}_w_3")" "w_2 and w_3 removed"
out=$(uc up --scale w=two 2>&1)
assert_eq 1 "$?" "a bad --scale exits 1"
assert_contains "$out" "--scale w=two: expected SERVICE=NUM" "a bad --scale is named"

out=$(uc --profile talk up --no-attach b a b 2>&1) || fail "up --no-attach b: $out"
assert_contains "$out" "line-from-a" "a is attached"
assert_not_contains "$out" "line-from-b" "b is not attached (--no-attach)"
out=$(uc --profile talk up --attach b a b 2>&1) || fail "up --attach b: $out"
assert_contains "$out" "line-from-b" "b is attached (--attach)"
assert_not_contains "$out" "line-from-a" "a is not attached"
log "ok"
