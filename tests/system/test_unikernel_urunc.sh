#!/usr/bin/env bash
# Existing images keep working: an image with urunc's com.urunc.unikernel.* annotations, and one
# with kraft's /unikraft/bin/kernel layout, boot as unikernels.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_image urunc "$UK_GUESTS/multiboot.elf" /unikernel/app.elf \
    --annotation com.urunc.unikernel.unikernelType=unikraft \
    --annotation com.urunc.unikernel.hypervisor=qemu \
    --annotation com.urunc.unikernel.binary=/unikernel/app.elf \
    --annotation com.urunc.unikernel.cmdline=exit=6
urunc_image=$UK_IMAGE
uk_image kraft "$UK_GUESTS/multiboot.elf" /unikraft/bin/kernel
kraft_image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "urunc-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$urunc_image" >/dev/null || fail "podman run of the urunc image ($accel)"
    code=$(timeout 60 podman wait "$name") || fail "podman wait $name"
    assert_contains "$(podman logs "$name" 2>&1)" "hello from the ucrun multiboot test kernel" "urunc image booted ($accel)"
    assert_eq 6 "$code" "exit code from the urunc cmdline annotation ($accel)"

    name=$(unique_name "kraft-$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" "$kraft_image" exit=3 >/dev/null || fail "podman run of the kraft image ($accel)"
    code=$(timeout 60 podman wait "$name") || fail "podman wait $name"
    assert_contains "$(podman logs "$name" 2>&1)" "hello from the ucrun multiboot test kernel" "kraft image booted ($accel)"
    assert_eq 3 "$code" "exit code of the kraft image ($accel)"
done
log "ok (${UK_ACCELS[*]})"
