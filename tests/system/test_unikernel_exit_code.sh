#!/usr/bin/env bash
# The guest's exit code is the container's: 7 through isa-debug-exit (multiboot), through the
# "exit=N" line on COM2 (disk, linux), as `podman wait` and `podman run` report it.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image exit-mb
mb_image=$UK_IMAGE
uk_disk_image exit-disk 7
disk_image=$UK_IMAGE
uk_linux_image exit-linux
linux_image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    for kind in mb disk linux; do
        name=$(unique_name "$kind-$accel")
        pm_rm_on_exit "$name"
        case $kind in
        mb) uk_run "$accel" -d --name "$name" "$mb_image" exit=7 >/dev/null ;;
        disk) uk_run "$accel" -d --name "$name" "$disk_image" >/dev/null ;;
        linux) uk_run "$accel" -d --name "$name" "$linux_image" exit=7 >/dev/null ;;
        esac || fail "podman run of the $kind guest ($accel)"
        code=$(timeout 180 podman wait "$name") || fail "podman wait $name"
        assert_eq 7 "$code" "podman wait of the $kind guest ($accel)"
        assert_eq 7 "$(podman inspect --format '{{.State.ExitCode}}' "$name")" "inspect exit code ($kind, $accel)"
    done
    # In the foreground, `podman run` itself exits with the guest's code.
    assert_rc 42 "podman run of a multiboot guest that exits 42 ($accel)" \
        uk_run "$accel" --rm "$mb_image" exit=42
done
log "ok (${UK_ACCELS[*]})"
