#!/usr/bin/env bash
# Bad input gets one clear line at create and leaves nothing behind: a malformed annotation, a
# missing kernel file, a kernel path escaping the rootfs; and `exec` into a unikernel is refused.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image bad-mb
image=$UK_IMAGE
count_state() { find /run/ucrun/containers -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
before=$(count_state)

expect_create_error() { # SUFFIX EXPECTED-TEXT PODMAN-RUN-ARGS...
    local name out rc
    name=$(unique_name "$1")
    local want=$2
    shift 2
    pm_rm_on_exit "$name"
    out=$(uk_run tcg --name "$name" "$@" 2>&1)
    rc=$?
    assert_ne 0 "$rc" "create must fail ($name)"
    assert_contains "$out" "$want" "error message ($name)"
    assert_eq "$before" "$(count_state)" "a failed create leaves no ucrun state ($name)"
}

expect_create_error kind 'io.ucrun.unikernel.kind="banana": unknown kind' \
    --annotation io.ucrun.unikernel.kind=banana "$image"
expect_create_error memory 'invalid memory size "lots"' \
    --annotation io.ucrun.unikernel.memory=lots "$image"
expect_create_error missing 'kernel "/no/such/kernel"' \
    --annotation io.ucrun.unikernel.kernel=/no/such/kernel "$image"
expect_create_error escape '".." is not allowed' \
    --annotation io.ucrun.unikernel.kernel=/../../../../usr/bin/qemu-system-x86_64 "$image"
expect_create_error linux-no-initrd 'kind linux needs an initrd file' \
    --annotation io.ucrun.unikernel.kind=linux "$image"

name=$(unique_name exec)
pm_rm_on_exit "$name"
uk_run tcg -d --name "$name" "$image" spin >/dev/null || fail "podman run"
wait_for 60 "guest spinning" uk_logs_have "$name" "spinning"
out=$(podman exec "$name" /kernel 2>&1)
assert_ne 0 "$?" "exec into a unikernel must fail"
assert_contains "$out" "it is a unikernel, and the VM has no process to exec into" "exec refusal"
assert_eq running "$(pm_status "$name")" "the VM still runs after the refused exec"
log ok
