#!/usr/bin/env bash
# containerd's runc v2 shim with ucrun as its runtime binary (the handler `ucrun` of the node
# drop-in): `ctr run --rm` of an ordinary busybox container passes through to the delegate and
# returns the process's exit code; `ctr run --rm` of a unikernel OCI image made by
# `ucompose unikernel build --image` boots the guest and returns the guest's exit code. Nothing
# of either is left afterwards.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_containerd.sh"
ctd_require
img_require
ensure_test_image

image=localhost/ucrun-test-ctd-exit-$$:latest
img_build "ucrun-test-ctd-exit-$$" --no-registry --image "$image" -- sh -c 'echo guest-says-hello; exit 7'

ctd_start
log "containerd up; handler ucrun runs $CTD_UCRUN"
ctd_import "$TEST_IMAGE"
ctd_import "$image"

log "ctr run --rm busybox (ordinary container through ucrun): exit code 3"
out=$(ctd_run --rm "$TEST_IMAGE" "ucrun-test-plain-$$" sh -c 'echo plain-says-hello; exit 3' 2>&1)
rc=$?
assert_eq 3 "$rc" "ctr run --rm exit code of an ordinary container"
assert_contains "$out" plain-says-hello "the container's stdout"
[[ ! -e $CTD_RUNC_ROOT/$CTD_NS/containers/ucrun-test-plain-$$ ]] || fail "ucrun recorded an ordinary container"

log "ctr run --rm of the unikernel image: the guest's exit code 7"
out=$(ctd_run --rm "$image" "ucrun-test-uk-$$" 2>&1)
rc=$?
assert_eq 7 "$rc" "ctr run --rm exit code of a unikernel"
assert_contains "$out" guest-says-hello "the guest's console on ctr's stdout"
[[ -z $(uk_qemu_pids "ucrun-test-uk-$$") ]] || fail "QEMU left after ctr run --rm"
ctd_assert_clean
log "ok"
