#!/bin/bash
# cp between the host and a service container (both ways), attach to a service's container
# (its output, its exit code), wait for a service (its exit code) and wait --down-project.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project waitcp
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  idle:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  talker:
    image: $TEST_IMAGE
    command: ["sh", "-c", "i=0; while [ ! -e /tmp/stop ]; do echo tick-\$\$i; i=\$\$((i+1)); sleep 0.2; done; exit 3"]
  job:
    image: $TEST_IMAGE
    command: ["sh", "-c", "while [ ! -e /tmp/stop ]; do sleep 0.1; done; exit 4"]
YAML
uc up -d >/dev/null 2>&1 || fail "up failed"

log "cp both ways"
echo "payload-$$" >"$PROJECT_DIR/in.txt"
uc cp "$PROJECT_DIR/in.txt" idle:/tmp/in.txt >/dev/null 2>&1 || fail "cp into idle failed"
assert_eq "payload-$$" "$(uc exec -T idle cat /tmp/in.txt)" "the file reached the container"
uc cp idle:/tmp/in.txt "$PROJECT_DIR/back.txt" >/dev/null 2>&1 || fail "cp out of idle failed"
assert_eq "payload-$$" "$(cat "$PROJECT_DIR/back.txt")" "the file came back"
out=$(uc cp ghost:/a "$PROJECT_DIR/x" 2>&1)
assert_eq 1 "$?" "cp with an unknown service exits 1"
assert_contains "$out" "must be SERVICE:PATH" "cp with an unknown service says why"

log "attach: the container's output, and its exit code when it stops"
uc attach --no-stdin talker >"$PROJECT_DIR/attach.out" 2>&1 &
attach_pid=$!
on_exit_eval "kill $attach_pid 2>/dev/null || true"
wait_for 30 "attach to show talker's ticks" grep -q tick- "$PROJECT_DIR/attach.out"
uc exec -T talker touch /tmp/stop || fail "exec touch failed"
wait "$attach_pid"
assert_eq 3 "$?" "attach returns the container's exit code"

log "wait: the exit code of the service's container"
uc exec -T job touch /tmp/stop || fail "exec touch in job failed"
assert_rc 4 "wait job" uc wait job
log "wait --down-project: the first container to stop brings the project down"
assert_rc 4 "wait --down-project job" uc wait --down-project job
assert_eq "" "$(podman ps -aq --filter "label=com.docker.compose.project=$PROJECT")" "no container of the project is left"
log "ok"
