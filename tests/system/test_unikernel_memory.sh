#!/usr/bin/env bash
# --memory 512m: the guest gets 512 MiB minus the documented headroom (runtime/unikernel/
# resources.hpp: 64 MiB + tb-size under TCG + limit/16, i.e. 400 MiB under TCG and 416 MiB
# under KVM), and a guest that touches all of its RAM does not get QEMU OOM-killed.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require

uk_multiboot_image mem-mb
image=$UK_IMAGE

for accel in "${UK_ACCELS[@]}"; do
    case $accel in
    tcg) guest_mib=400 ;;
    kvm) guest_mib=416 ;;
    esac
    name=$(unique_name "$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" --memory 512m "$image" fill exit=0 >/dev/null || fail "podman run ($accel)"
    code=$(timeout 300 podman wait "$name") || fail "podman wait $name"
    logs=$(podman logs "$name" 2>&1)
    # The multiboot loader reports the RAM above 1 MiB up to the first hole: the guest's size - 1.
    assert_contains "$logs" "memory: $((guest_mib - 1)) MiB" "guest RAM for --memory 512m ($accel)"
    assert_contains "$logs" "filled" "the guest touched all of its RAM ($accel)"
    assert_eq 0 "$code" "exit code of the guest that filled its RAM ($accel)"
    assert_eq false "$(podman inspect --format '{{.State.OOMKilled}}' "$name")" "not OOM-killed ($accel)"
done

# A limit too small for QEMU plus a useful guest is refused at create with a clear message.
name=$(unique_name small)
pm_rm_on_exit "$name"
out=$(uk_run tcg --name "$name" --memory 64m "$image" 2>&1)
rc=$?
assert_ne 0 "$rc" "--memory 64m must fail"
assert_contains "$out" "memory limit 64 MiB is too small for a VM" "error for --memory 64m"
log "ok (${UK_ACCELS[*]})"
