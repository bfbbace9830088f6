#!/usr/bin/env bash
# Bad input on a containerd node, each refused with one line naming the container and the reason,
# and nothing left behind (no QEMU, tap, ucrun record or task):
#  - a unikernel app container in a pod whose netns has no eth0 (no CNI network yet);
#  - a unikernel in a pod whose eth0 has no IPv4 address;
#  - a unikernel marked as the pod's sandbox;
#  - a runtime handler whose BinaryName does not exist.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_containerd.sh"
ctd_require
img_require
ensure_test_image

image=localhost/ucrun-test-ctd-bad-$$:latest
img_build "ucrun-test-ctd-bad-$$" --no-registry --image "$image" -- sh -c 'exit 0'
ctd_start
ctd_import "$TEST_IMAGE"
ctd_import "$image"

# refused ID OUTPUT: the run failed and left nothing of ID.
refused() {
    local id=$1
    log "refused: $(grep -m1 . <<<"$2")"
    ctd container delete "$id" >/dev/null 2>&1
    [[ -z $(uk_qemu_pids "$id") ]] || fail "QEMU of the refused $id is running"
    [[ ! -e $CTD_RUNC_ROOT/$CTD_NS/containers/$id ]] || fail "ucrun record of the refused $id left"
    [[ -z $(ctd_task_status "$id") ]] || fail "task of the refused $id left"
}

# bare_pod NAME: a netns with a sandbox task in it; sets PODNS (network:/proc/<pid>/ns/net), NSNAME.
bare_pod() {
    NSNAME=ucrun-test-bad-$1-$$
    ip netns add "$NSNAME" || fail "ip netns add $NSNAME"
    on_exit ip netns delete "$NSNAME"
    local sb=sb-$1-$$
    ctd_run -d --with-ns "network:/var/run/netns/$NSNAME" --annotation io.kubernetes.cri.container-type=sandbox \
        "$TEST_IMAGE" "$sb" sleep 100000 >/dev/null || fail "sandbox $sb"
    wait_for 30 "sandbox $sb running" ctd_task_is "$sb" RUNNING
    PODNS=network:/proc/$(ctd_task_pid "$sb")/ns/net
    SANDBOXES+=("$sb")
}
SANDBOXES=()
cri_container=(--annotation io.kubernetes.cri.container-type=container)

log "a unikernel in a pod netns without eth0"
bare_pod noeth
id=uk-noeth-$$
out=$(ctd_run -d --with-ns "$PODNS" "${cri_container[@]}" "$image" "$id" 2>&1)
rc=$?
assert_ne 0 "$rc" "ctr run of a unikernel in a pod without eth0"
assert_contains "$out" "container \`$id\`" "the error names the container"
assert_contains "$out" "has no eth0" "the error says why"
refused "$id" "$out"

log "a unikernel in a pod whose eth0 has no IPv4 address"
bare_pod noipv4
# A veth pair whose pod end is eth0 without an address (deleting the netns deletes both ends).
ip link add "ucrtv$$" type veth peer name eth0 netns "$NSNAME" && ip -n "$NSNAME" link set eth0 up ||
    fail "veth eth0 in $NSNAME"
id=uk-noipv4-$$
out=$(ctd_run -d --with-ns "$PODNS" "${cri_container[@]}" "$image" "$id" 2>&1)
rc=$?
assert_ne 0 "$rc" "ctr run of a unikernel in a pod whose eth0 has no IPv4"
assert_contains "$out" "container \`$id\`" "the error names the container"
assert_contains "$out" "eth0 has no IPv4 address" "the error says why"
refused "$id" "$out"
assert_eq "" "$(ip -n "$NSNAME" -o link show type tun)" "taps left in $NSNAME"

log "a unikernel marked as the pod's sandbox"
id=uk-sandbox-$$
out=$(ctd_run -d --annotation io.kubernetes.cri.container-type=sandbox "$image" "$id" 2>&1)
rc=$?
assert_ne 0 "$rc" "ctr run of a unikernel marked as sandbox"
assert_contains "$out" "container \`$id\` is a pod sandbox" "the error names the container and why"
refused "$id" "$out"

log "a handler whose BinaryName does not exist"
missing=$CTD_DIR/no-such-dir/ucrun
sed "s|^\([[:space:]]*BinaryName[[:space:]]*=\).*|\1 \"$missing\"|" "$CTD_DROPIN" >"$CTD_DIR/broken.toml"
sed "s|$CTD_DROPIN|$CTD_DIR/broken.toml|" "$CTD_DIR/config.toml" >"$CTD_DIR/broken-config.toml"
binary=$(ctd_handler_binary ucrun "$CTD_DIR/broken-config.toml")
assert_eq "$missing" "$binary" "BinaryName of the broken handler"
id=plain-missing-$$
out=$(ctd run --runc-binary "$binary" --rm "$TEST_IMAGE" "$id" true 2>&1)
rc=$?
assert_ne 0 "$rc" "ctr run through a missing BinaryName"
assert_contains "$out" "$missing" "the error names the missing binary"
assert_contains "$out" "no such file or directory" "the error says why"
refused "$id" "$out"

ctd_remove "${SANDBOXES[@]}"
ctd_assert_clean
log "ok"
