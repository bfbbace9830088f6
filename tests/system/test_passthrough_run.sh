#!/usr/bin/env bash
# podman run --rm through ucrun: exit codes and output reach the caller unchanged.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_podman_runtime
ensure_test_image
RUN=(pm run --rm --pull=never "${PODMAN_RUN_ARGS[@]}")
tmp=$(mktemp -d /tmp/ucrun-test-run.XXXXXX)
on_exit rm -rf "$tmp"

log "exit 42 with stdout and stderr"
out=$("${RUN[@]}" "$TEST_IMAGE" sh -c 'echo to-stdout; echo to-stderr >&2; exit 42' 2>"$tmp/err")
rc=$?
assert_eq 42 "$rc" "exit code of podman run --rm"
assert_eq to-stdout "$out" "stdout of the container"
assert_contains "$(cat "$tmp/err")" to-stderr "stderr of the container"

log "exit 0 and the image's default command"
out=$(echo 'echo from-default-cmd' | "${RUN[@]}" -i "$TEST_IMAGE")
assert_rc 0 "exit code of the default CMD" true
assert_eq from-default-cmd "$out" "default CMD (sh) read stdin"

log "stdin is passed with -i"
out=$(printf 'line1\nline2\n' | "${RUN[@]}" -i "$TEST_IMAGE" wc -l)
assert_eq 2 "$(echo $out)" "lines counted inside the container"

log "exit codes 1 and 255"
"${RUN[@]}" "$TEST_IMAGE" sh -c 'exit 1'
assert_eq 1 "$?" "exit code 1"
"${RUN[@]}" "$TEST_IMAGE" sh -c 'exit 255'
assert_eq 255 "$?" "exit code 255"

log "a missing command gives 127"
"${RUN[@]}" "$TEST_IMAGE" /no/such/command 2>"$tmp/err"
rc=$?
assert_eq 127 "$rc" "exit code for a missing command ($(head -c 300 "$tmp/err"))"

log "--rm leaves no container behind"
name=$(unique_name rm)
pm_rm_on_exit "$name"
"${RUN[@]}" --name "$name" "$TEST_IMAGE" true
assert_eq 0 "$?" "exit code of a named --rm run"
if podman container exists "$name"; then fail "container $name still exists after --rm"; fi
log "ok"
