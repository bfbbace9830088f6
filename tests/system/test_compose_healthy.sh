#!/bin/bash
# service_healthy: a dependent waits for a check that turns healthy after 2 s; a check that
# never passes fails `up` with exit 1, naming the dependency, and the dependent is created
# but not started. docker compose's words and exit codes for the other cases:
#  - a required dependency that exits before it is healthy: "container X exited (3)";
#  - an optional dependency without a healthcheck: a warning, `up -d` exits 0 and starts the
#    dependent; `up --wait` counts a running container without a healthcheck as ready (exit 0).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project healthy
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  slow:
    image: $TEST_IMAGE
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 2; touch /tmp/ready; sleep 1000 & wait"]
    healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 500ms, retries: 20}
  app:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: {slow: {condition: service_healthy}}
  sick:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [sick]
    healthcheck: {test: ["CMD", "false"], interval: 500ms, retries: 2}
  victim:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [sick]
    depends_on: {sick: {condition: service_healthy}}
  quitter:
    image: $TEST_IMAGE
    command: ["sh", "-c", "exit 3"]
    profiles: [quit]
    healthcheck: {test: ["CMD", "true"], interval: 10s}
  waiter:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [quit]
    depends_on: {quitter: {condition: service_healthy}}
  plain:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [optional]
  relaxed:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    profiles: [optional]
    depends_on: {plain: {condition: service_healthy, required: false}}
YAML
out=$(uc up -d 2>&1) || fail "up -d failed: $out"
assert_eq running "$(state_of "${PROJECT}_app_1")" "app started once slow was healthy"
podman healthcheck run "${PROJECT}_slow_1" >/dev/null || fail "slow is not healthy"
# app started after slow became healthy (slow needs 2 s).
s=$(started_ns "${PROJECT}_slow_1") a=$(started_ns "${PROJECT}_app_1")
((a - s >= 2000000000)) || fail "app started $(((a - s) / 1000000)) ms after slow: before it was healthy"

out=$(uc --profile sick up -d 2>&1)
rc=$?
assert_eq 1 "$rc" "up with an unhealthy dependency exits 1 (output: $out)"
assert_contains "$out" "${PROJECT}_sick_1 is unhealthy" "the error names the unhealthy dependency"
assert_eq created "$(state_of "${PROJECT}_victim_1")" "the dependent is created but not started"
assert_eq running "$(state_of "${PROJECT}_app_1")" "services already running stay running"

log "a required dependency that exits before its first check"
out=$(uc --profile quit up -d 2>&1)
rc=$?
assert_eq 1 "$rc" "up with a dependency that exited exits 1 (output: $out)"
assert_contains "$out" "dependency failed to start: container ${PROJECT}_quitter_1 exited (3)" "docker's words for an exited dependency"
assert_not_contains "$out" "unhealthy" "an exited dependency is not called unhealthy"
assert_eq created "$(state_of "${PROJECT}_waiter_1")" "the dependent is created but not started"

log "an optional dependency without a healthcheck"
out=$(uc --profile optional up -d plain relaxed 2>&1)
rc=$?
assert_eq 0 "$rc" "up -d with an optional dependency without healthcheck exits 0 (output: $out)"
assert_contains "$out" "optional dependency \"plain\" failed to start: container ${PROJECT}_plain_1 has no healthcheck configured" "docker's warning"
assert_not_contains "$out" "error" "no error is printed for an optional dependency"
assert_eq running "$(state_of "${PROJECT}_relaxed_1")" "the dependent started"
out=$(uc --profile optional up -d --wait plain relaxed 2>&1)
rc=$?
assert_eq 0 "$rc" "up --wait with a running service without healthcheck exits 0 (output: $out)"
log "ok"
