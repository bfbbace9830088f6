#!/usr/bin/env bash
# --memory, --pids-limit, --ulimit, env and podman update reach the container through ucrun.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_podman_runtime
ensure_test_image
RUN=(pm run --rm --pull=never "${PODMAN_RUN_ARGS[@]}")
# The memory limit as the container sees it (cgroup v1 or v2).
READ_MEM='cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'
READ_PIDS='cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max'

log "--memory 64m"
out=$("${RUN[@]}" --memory 64m "$TEST_IMAGE" sh -c "$READ_MEM")
assert_eq 0 "$?" "podman run --memory"
assert_eq 67108864 "$out" "memory limit inside the container"

log "--pids-limit 77"
out=$("${RUN[@]}" --pids-limit 77 "$TEST_IMAGE" sh -c "$READ_PIDS")
assert_eq 77 "$out" "pids limit inside the container"

log "env: -e, image ENV, empty value"
out=$("${RUN[@]}" -e 'FOO=bar baz' -e EMPTY= "$TEST_IMAGE" sh -c 'echo "$FOO|$PATH|${EMPTY-unset}|$(env | grep -c ^EMPTY=)"')
assert_eq "bar baz|/bin|<empty>|1" "${out/||/|<empty>|}" "environment inside the container"

log "--ulimit nofile=512:600 nproc=300:400"
# Any --ulimit replaces containers.conf's default_ulimits, so both are given (docs/environment.md item 2).
out=$("${RUN[@]}" --ulimit nofile=512:600 --ulimit nproc=300:400 "$TEST_IMAGE" \
    sh -c 'echo $(ulimit -n) $(ulimit -Hn) $(ulimit -u) $(ulimit -Hu)')
assert_eq "512 600 300 400" "$out" "nofile and nproc limits inside the container"

log "podman update --memory on a running container"
name=$(unique_name upd)
pm_rm_on_exit "$name"
pm run -d --pull=never "${PODMAN_RUN_ARGS[@]}" --memory 64m --name "$name" "$TEST_IMAGE" \
    sh -c 'while :; do sleep 0.1; done' >/dev/null || fail "podman run -d --memory"
wait_for 30 "running" pm_status_is "$name" running
pm update --memory 128m "$name" >/dev/null
assert_eq 0 "$?" "podman update --memory"
out=$(pm exec "$name" sh -c "$READ_MEM")
assert_eq 134217728 "$out" "memory limit after podman update"
log "ok"
