#!/bin/bash
# service_completed_successfully: a one-shot that succeeds lets its dependent start; one that
# fails makes `up` exit 1 with its exit code, and its dependent is created but not started.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project completed
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  migrate:
    image: $TEST_IMAGE
    command: ["sh", "-c", "sleep 1; exit \${MIGRATE_EXIT:-0}"]
  app:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: {migrate: {condition: service_completed_successfully}}
  optional:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: {missing: {condition: service_started, required: false}}
YAML
out=$(uc up -d 2>&1) || fail "up -d failed: $out"
assert_eq running "$(state_of "${PROJECT}_app_1")" "app runs after a successful one-shot"
assert_eq running "$(state_of "${PROJECT}_optional_1")" "a missing optional dependency is not an error"
uc down -t 0 >/dev/null 2>&1

out=$(MIGRATE_EXIT=3 uc up -d 2>&1)
rc=$?
assert_eq 1 "$rc" "up with a failed one-shot exits 1 (output: $out)"
assert_contains "$out" 'service "migrate" didn'"'"'t complete successfully: exit 3' "the error names the one-shot and its code"
assert_eq created "$(state_of "${PROJECT}_app_1")" "the dependent is created but not started"
