#!/bin/bash
# Attached `up`: --exit-code-from gives the service's code (42), --abort-on-container-exit
# stops the other services, and logs carry the `service-1  | ` prefix.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project exitcode
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  job:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo working; sleep 1; exit 42"]
  server:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo serving; trap 'exit 0' TERM; sleep 1000 & wait"]
YAML
out=$(uc up --exit-code-from job 2>/dev/null)
rc=$?
assert_eq 42 "$rc" "--exit-code-from job returns job's exit code"
assert_contains "$out" "job-1     | working" "job's log line with its padded prefix"
assert_contains "$out" "server-1  | serving" "server's log line with its prefix"
assert_contains "$out" "job-1 exited with code 42" "exit status line"
assert_eq exited "$(state_of "${PROJECT}_server_1")" "the other service was stopped"

out=$(uc up --abort-on-container-exit 2>&1)
rc=$?
assert_eq 42 "$rc" "--abort-on-container-exit returns the first exited container's code"
assert_eq exited "$(state_of "${PROJECT}_server_1")" "--abort-on-container-exit stops the rest"

# Without abort flags, up returns when every container has exited, with 0.
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  one:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo one; exit 7"]
YAML
out=$(uc up --no-log-prefix 2>/dev/null)
assert_rc 0 "attached up without abort flags exits 0" uc up
assert_contains "$out" "one" "--no-log-prefix output"
