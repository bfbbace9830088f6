#!/usr/bin/env bash
# `ucompose kernel build` (docs/guest-kernel.md): the purpose-built guest kernel is installed with a
# `current` link (scripts/test built it before the tests; built here if not); a second build with
# the same inputs is a no-op; the sizes are within the budget (vmlinux <= 8 MiB, bzImage <= 3 MiB,
# a busybox httpd unikernel <= 5 MiB); a missing source is one clear line and changes nothing.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require
KERNELS=${UCRUN_KERNELS:-/var/lib/ucrun/kernels}

if [[ ! -f $KERNELS/current/vmlinux ]]; then
    log "no kernel yet: building it (minutes)"
    "$UCOMPOSE" kernel build >"$IMG_TMP/first.log" 2>&1 || fail "ucompose kernel build failed: $(tail -20 "$IMG_TMP/first.log")"
fi
current=$(readlink "$KERNELS/current") || fail "$KERNELS/current is not a link"
dir=$KERNELS/$current
for f in vmlinux bzImage config kernel.json fragment.config; do
    [[ -s $dir/$f ]] || fail "$dir/$f missing"
done
before=$(stat -c %Y "$dir/kernel.json")
entries_before=$(ls -A "$KERNELS")

log "the second build with the same inputs is a no-op"
out=$("$UCOMPOSE" kernel build 2>&1) || fail "ucompose kernel build (again) failed: $out"
assert_contains "$out" "kernel $current: up to date" "second build"
assert_not_contains "$out" "compiling" "second build"
assert_eq "$current" "$(readlink "$KERNELS/current")" "current after the no-op"
assert_eq "$before" "$(stat -c %Y "$dir/kernel.json")" "kernel.json untouched"
assert_eq "$entries_before" "$(ls -A "$KERNELS")" "kernels directory unchanged"

log "the kernel honours the fragment: PVH entry, no modules, virtio built in"
grep -qx 'CONFIG_PVH=y' "$dir/config" || fail "CONFIG_PVH is not set in $dir/config"
grep -qx 'CONFIG_VIRTIO_NET=y' "$dir/config" || fail "virtio-net is not built in"
grep -qx '# CONFIG_MODULES is not set' "$dir/config" || fail "the kernel has modules"
assert_eq false "$(jq -r .modules "$dir/kernel.json")" "kernel.json modules"
# The compacted vmlinux is still an ELF whose notes carry the PVH entry (Xen note type 18).
readelf -n "$dir/vmlinux" 2>/dev/null | grep -q 'Xen' || fail "$dir/vmlinux has no Xen PVH note"

vmlinux=$(stat -c %s "$dir/vmlinux") bz=$(stat -c %s "$dir/bzImage")
log "sizes: vmlinux $vmlinux bytes, bzImage $bz bytes"
((vmlinux <= 8 * 1024 * 1024)) || fail "vmlinux is $vmlinux bytes (budget 8 MiB)"
((bz <= 3 * 1024 * 1024)) || fail "bzImage is $bz bytes (budget 3 MiB)"

name=ucrun-test-kernel-$$
img_build "$name" --no-registry --image "localhost/$name:latest" -- httpd -f -p 80
out=$(cat "$IMG_TMP/build-$name.log")
assert_contains "$out" "purpose-built, drivers built in: no modules" "unikernel build output"
assert_not_contains "$out" "warning" "unikernel build output"
ctr=$(podman create --pull=never "localhost/$name:latest") || fail "podman create of the image failed"
on_exit podman rm -f "$ctr"
podman cp "$ctr:/unikernel" "$IMG_TMP/unikernel" || fail "podman cp of /unikernel failed"
kernel_file=$(jq -r .kernel "$IMG_TMP/unikernel/manifest.json")
assert_eq vmlinux.gz "$kernel_file" "the image's kernel"
total=$(($(stat -c %s "$IMG_TMP/unikernel/vmlinux.gz") + $(stat -c %s "$IMG_TMP/unikernel/initrd.img")))
log "busybox httpd unikernel: kernel + initrd $total bytes"
((total <= 5 * 1024 * 1024)) || fail "the busybox httpd unikernel is $total bytes (budget 5 MiB)"

log "a missing source: one line, non-zero, nothing changed"
rc=0
err=$("$UCOMPOSE" kernel build --source /nonexistent/linux-source-6.1.tar.xz 2>&1) || rc=$?
assert_ne 0 "$rc" "exit code with a missing source"
assert_eq 1 "$(printf '%s\n' "$err" | wc -l)" "lines of the error"
assert_contains "$err" "kernel source /nonexistent/linux-source-6.1.tar.xz: No such file or directory" "error"
assert_eq "$current" "$(readlink "$KERNELS/current")" "current after the failed build"
assert_eq "$entries_before" "$(ls -A "$KERNELS")" "kernels directory after the failed build"

log "a fragment asking for what the kernel cannot have: named lines, previous kernel kept"
printf 'CONFIG_PVH=y\nCONFIG_ACPI_BUTTON=y\n# CONFIG_INPUT is not set\n' >"$IMG_TMP/bad.config"
rc=0
err=$("$UCOMPOSE" kernel build --fragment "$IMG_TMP/bad.config" --kernels "$IMG_TMP/kernels" 2>&1) || rc=$?
assert_ne 0 "$rc" "exit code with an impossible fragment"
assert_contains "$err" "$IMG_TMP/bad.config: " "error"
assert_contains "$err" "setting(s) did not take effect in the kernel's configuration" "error"
assert_contains "$err" "line 2: CONFIG_ACPI_BUTTON=y" "error"
[[ ! -e $IMG_TMP/kernels/current ]] || fail "a failed build installed a kernel"
[[ -z $(ls -A /var/tmp | grep '^ucompose-kernel-') ]] || fail "a failed build left its work tree in /var/tmp"
log "ok"
