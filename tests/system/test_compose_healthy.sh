#!/bin/bash
# service_healthy: a dependent waits for a check that turns healthy after 2 s; a check that
# never passes fails `up` with exit 1, naming the dependency, and the dependent is created
# but not started.
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
