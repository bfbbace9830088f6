#!/usr/bin/env bash
# `podman pause` freezes the VM (the cgroup freezer holds QEMU), `unpause` thaws it: a guest
# printing ticks prints none while paused and continues after.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image pause-mb
image=$UK_IMAGE
ticks() { podman logs "$1" 2>&1 | grep -c '^tick' || true; }
more_ticks_than() { (($(ticks "$1") > $2)); }

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$image" tick >/dev/null || fail "podman run ($accel)"
    wait_for 60 "first tick ($accel)" uk_logs_have "$name" "tick 1"
    assert_rc 0 "podman pause ($accel)" podman pause "$name"
    assert_eq paused "$(pm_status "$name")" "status after pause ($accel)"
    before=$(ticks "$name")
    sleep 2
    assert_eq "$before" "$(ticks "$name")" "no ticks while paused ($accel)"
    assert_rc 0 "podman unpause ($accel)" podman unpause "$name"
    assert_eq running "$(pm_status "$name")" "status after unpause ($accel)"
    wait_for 60 "ticks after unpause ($accel)" more_ticks_than "$name" "$before"
    id=$(uk_full_id "$name")
    podman rm -f -t 0 "$name" >/dev/null || fail "podman rm -f $name"
    uk_assert_gone "$id"
done
log "ok (${UK_ACCELS[*]})"
