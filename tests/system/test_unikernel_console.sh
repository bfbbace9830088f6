#!/usr/bin/env bash
# The guest's console is the container's stdout: `podman logs` shows what each guest kind
# prints on its first serial port, and the container's args and env reach the guest.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image console-mb
mb_image=$UK_IMAGE
uk_disk_image console-disk 0
disk_image=$UK_IMAGE
uk_linux_image console-linux
linux_image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "mb-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" -e UK_GREETING=hi "$mb_image" first second >/dev/null ||
        fail "podman run of the multiboot guest ($accel)"
    assert_rc 0 "multiboot guest exits 0 ($accel)" podman wait "$name"
    logs=$(podman logs "$name" 2>&1)
    assert_contains "$logs" "hello from the ucrun multiboot test kernel" "multiboot console in podman logs ($accel)"
    assert_contains "$logs" "env: UK_GREETING=hi" "container env on the multiboot cmdline ($accel)"
    assert_contains "$logs" "arg: first" "container args on the multiboot cmdline ($accel)"
    assert_contains "$logs" "arg: second" "container args on the multiboot cmdline ($accel)"

    name=$(unique_name "disk-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$disk_image" >/dev/null || fail "podman run of the disk guest ($accel)"
    assert_rc 0 "disk guest exits 0 ($accel)" podman wait "$name"
    assert_contains "$(podman logs "$name" 2>&1)" "hello from the ucrun boot sector test disk" \
        "disk guest console in podman logs ($accel)"

    name=$(unique_name "linux-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" -e UK_COLOR=blue -w /boot "$linux_image" alpha beta >/dev/null ||
        fail "podman run of the linux guest ($accel)"
    wait_for 120 "linux guest ($accel) to exit" pm_status_is "$name" exited
    logs=$(podman logs "$name" 2>&1)
    assert_contains "$logs" "hello from the ucrun linux test guest" "linux console in podman logs ($accel)"
    assert_contains "$logs" "args: /app alpha beta" "container args in /ucrun/args ($accel)"
    assert_contains "$logs" "env: UK_COLOR=blue" "container env in /ucrun/env ($accel)"
    assert_contains "$logs" "cwd: /boot" "container cwd in /ucrun/cwd ($accel)"
    assert_eq 0 "$(podman inspect --format '{{.State.ExitCode}}' "$name")" "linux guest exit code ($accel)"
done
log "ok (${UK_ACCELS[*]})"
