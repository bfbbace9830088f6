#!/usr/bin/env bash
# Debian's kernel stays a working fallback (docs/guest-kernel.md): with no purpose-built kernel,
# `ucompose unikernel build` warns and takes the host's /boot/vmlinuz-* with its virtio modules;
# that guest answers HTTP on its container IP and powers down on `podman stop` (exit 143).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require
debian=$(uk_guest_kernel debian) || exit 1

name=ucrun-test-fallback-$$
image=localhost/$name:latest
net=ucrun-test-net-$$
mkdir -p "$IMG_TMP/no-kernels"
log "build with an empty kernels directory: the host's kernel stands in"
UCRUN_KERNELS=$IMG_TMP/no-kernels img_build "$name" --no-registry --image "$image" -- \
    sh -c "mkdir -p /www; echo debian-kernel >/www/index.html; exec $BUSYBOX httpd -f -p 80 -h /www"
out=$(cat "$IMG_TMP/build-$name.log")
assert_contains "$out" "no purpose-built guest kernel in $IMG_TMP/no-kernels (run \`ucompose kernel build\`)" "warning"
assert_contains "$out" "using the host's kernel $debian" "warning"
assert_match "$out" "modules: [1-9]" "the virtio modules go into the initramfs"

img_network "$net"
cname=$(unique_name web)
pm_rm_on_exit "$cname"
pm run "${PODMAN_RUN_ARGS[@]}" -d --pull=never --name "$cname" --network "$net" "$image" >/dev/null ||
    fail "podman run -d of $image failed"
id=$(uk_full_id "$cname")
ip=$(img_ip "$cname" "$net")
log "GET http://$ip/ from the guest on Debian's kernel"
wait_for 120 "HTTP from the guest at $ip:80" curl -sf -m 2 "http://$ip/"
assert_eq debian-kernel "$(curl -sf -m 10 "http://$ip/")" "page"
podman stop -t 30 "$cname" >/dev/null || fail "podman stop failed"
assert_eq 143 "$(img_exit_code "$cname")" "exit code after podman stop (ACPI power button through button.ko)"
img_rm_check "$cname"
log "ok"
