#!/bin/bash
# start/stop/restart/pause/kill/rm of one service act on its existing container (same ID),
# and leave the other services alone.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project startstop
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  a:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  b:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
uc up -d >/dev/null 2>&1 || fail "up failed"
id=$(id_of "${PROJECT}_a_1")
table=$(uc ps)
assert_eq "NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS" "$(head -n1 <<<"$table" | xargs)" "ps table header"
assert_contains "$(grep "${PROJECT}_a_1" <<<"$table")" " ago   Up " "ps CREATED column, then STATUS"
# ls and stats while both run.
assert_eq "$PROJECT" "$("$UCOMPOSE" ls -q --filter "name=$PROJECT")" "ls -q lists the project"
assert_contains "$("$UCOMPOSE" ls --filter "name=$PROJECT")" "running(2)" "ls shows the project's states"
assert_eq "${PROJECT}_a_1 ${PROJECT}_b_1" "$(uc stats --no-stream --format '{{.Name}}' | sort | xargs)" \
    "stats --no-stream shows the two containers"
assert_eq "${PROJECT}_b_1" "$(uc stats --no-stream --format '{{.Name}}' b)" "stats of one service"
uc stop a >/dev/null 2>&1 || fail "stop a failed"
assert_contains "$("$UCOMPOSE" ls --filter "name=$PROJECT" --format json)" '"Status":"exited(1), running(1)"' "ls after stop a"
assert_eq exited "$(state_of "${PROJECT}_a_1")" "a stopped"
assert_eq running "$(state_of "${PROJECT}_b_1")" "b still running"
uc start a >/dev/null 2>&1 || fail "start a failed"
assert_eq running "$(state_of "${PROJECT}_a_1")" "a running again"
assert_eq "$id" "$(id_of "${PROJECT}_a_1")" "start/stop keeps the container ID"
uc restart a >/dev/null 2>&1 || fail "restart failed"
assert_eq "$id" "$(id_of "${PROJECT}_a_1")" "restart keeps the container ID"
uc pause a >/dev/null 2>&1 || fail "pause failed"
assert_eq paused "$(state_of "${PROJECT}_a_1")" "a paused"
uc unpause a >/dev/null 2>&1 || fail "unpause failed"
assert_eq running "$(state_of "${PROJECT}_a_1")" "a unpaused"
assert_eq "hello" "$(uc exec -T a echo hello)" "exec runs in the service's container"
assert_eq "ran" "$(uc run --rm -T b echo ran 2>/dev/null)" "run --rm runs a one-off container"
# Repeatable options take one value each: the service and command after them stay positional.
assert_eq "x=1 y=2" "$(uc exec -T -e X=1 -e Y=2 a sh -c 'echo x=$X y=$Y')" "exec -e K=V SERVICE CMD"
assert_eq "x=1 l=v" "$(uc run --rm -T -e X=1 -l uct.l=v b sh -c 'echo x=$X l=v' 2>/dev/null)" "run -e K=V -l L=V SERVICE CMD"
assert_eq "x=1" "$("$UCOMPOSE" compat -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" run --rm -T -e X=1 b sh -c 'echo x=$X' 2>/dev/null)" \
    "compat run -e K=V SERVICE CMD"
uc kill -s KILL a >/dev/null 2>&1 || fail "kill failed"
# `podman kill` returns once the signal is sent; podman's cleanup then marks the container
# exited ("stopped" in between, seen in CI).
state_is() { [[ $(state_of "$1") == "$2" ]]; }
wait_for 30 "a to be exited after kill -s KILL" state_is "${PROJECT}_a_1" exited
uc rm -f a >/dev/null 2>&1 || fail "rm failed"
assert_eq "" "$(state_of "${PROJECT}_a_1")" "a removed"
assert_eq "${PROJECT}_b_1" "$(uc ps --format json | python3 -c 'import json,sys; print(" ".join(c["Name"] for c in json.load(sys.stdin)))')" "ps --format json"
