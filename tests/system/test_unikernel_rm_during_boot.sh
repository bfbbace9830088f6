#!/usr/bin/env bash
# `podman rm -f` while the guest is still booting leaves nothing behind: no QEMU, no monitor,
# no ucrun or crun state for the container.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_linux_image rm-linux
image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$image" >/dev/null || fail "podman run ($accel)"
    id=$(uk_full_id "$name")
    [[ -n $id ]] || fail "no id for $name"
    assert_rc 0 "podman rm -f during boot ($accel)" podman rm -f -t 0 "$name"
    uk_assert_gone "$id"
    assert_not_contains "$(podman ps -a --format '{{.Names}}')" "$name" "container gone from podman ($accel)"
done
log "ok (${UK_ACCELS[*]})"
