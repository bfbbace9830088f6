#!/usr/bin/env bash
# `podman stop` is SIGTERM to the monitor, which asks the guest to power down (QMP
# system_powerdown): a guest that honours the power button exits 0 by itself, well before the
# timeout (a kill at the timeout would give 137). A guest that ignores it is killed when
# podman's timeout expires. Either way nothing is left.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image stop-mb
image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "wait-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$image" wait >/dev/null || fail "podman run ($accel)"
    wait_for 60 "guest waiting for the power button ($accel)" uk_logs_have "$name" "waiting for the power button"
    id=$(uk_full_id "$name")
    assert_rc 0 "podman stop -t 60 ($accel)" podman stop -t 60 "$name"
    assert_eq 0 "$(podman inspect --format '{{.State.ExitCode}}' "$name")" \
        "a guest that powers off on request exits 0, not killed at the timeout ($accel)"
    assert_contains "$(podman logs "$name" 2>&1)" "power button: powering off" "guest saw the power button ($accel)"
    podman rm "$name" >/dev/null || fail "podman rm $name"
    uk_assert_gone "$id"

    name=$(unique_name "spin-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$image" spin >/dev/null || fail "podman run ($accel)"
    wait_for 60 "guest spinning ($accel)" uk_logs_have "$name" "spinning"
    id=$(uk_full_id "$name")
    assert_rc 0 "podman stop -t 1 of a guest that ignores the power button ($accel)" podman stop -t 1 "$name"
    assert_eq 137 "$(podman inspect --format '{{.State.ExitCode}}' "$name")" "killed at the timeout ($accel)"
    podman rm "$name" >/dev/null || fail "podman rm $name"
    uk_assert_gone "$id"
done
log "ok (${UK_ACCELS[*]})"
