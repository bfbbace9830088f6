#!/usr/bin/env bash
# `podman kill -s KILL` kills the monitor, and QEMU dies with it (PR_SET_PDEATHSIG, and the pid
# namespace ends with its pid 1): exit code 137, no QEMU left, and after rm no state.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image kill-mb
image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$image" spin >/dev/null || fail "podman run ($accel)"
    wait_for 60 "guest spinning ($accel)" uk_logs_have "$name" "spinning"
    id=$(uk_full_id "$name")
    [[ -n $(uk_qemu_pids "$id") ]] || fail "no QEMU process found for ${id:0:12} ($accel)"
    assert_rc 0 "podman kill -s KILL ($accel)" podman kill -s KILL "$name"
    code=$(timeout 60 podman wait "$name") || fail "podman wait $name"
    assert_eq 137 "$code" "exit code after SIGKILL ($accel)"
    wait_quiet 10 test -z "$(uk_qemu_pids "$id")" || true
    [[ -z $(uk_qemu_pids "$id") ]] || fail "QEMU survived SIGKILL of its container ($accel)"
    podman rm "$name" >/dev/null || fail "podman rm $name"
    uk_assert_gone "$id"
done
log "ok (${UK_ACCELS[*]})"
