#!/usr/bin/env bash
# Hostile images (docs/security.md): each attack of the security review, reproduced with a FROM
# scratch image made by buildah, and the refusal or the bound asserted, with nothing left behind.
#  - /unikernel -> /proc/1/root/...: a manifest in the host's root is never read (the image is an
#    ordinary container);
#  - a kernel that is a link to a host file, a manifest that is /dev/zero, a FIFO, a link to a host
#    JSON file: refused at once, one line, no content of the host file in the error;
#  - an oversized (sparse) kernel and a gzip-bomb kernel: refused by their caps, nothing cached;
#  - /etc/ld.so.preload in the image: the VMM never runs in the image's rootfs, so it is not loaded;
#  - io.ucrun.debug.stop-at: ignored unless root's ucrun config turns fault points on;
#  - a guest flooding COM2: the host's state for the container does not grow.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require
uk_require
require_cmd buildah gcc gzip

CANARY_DIR=$(mktemp -d /tmp/ucrun-test-hostile.XXXXXX)
on_exit rm -rf "$CANARY_DIR"
chmod 0700 "$CANARY_DIR"
echo "root-only canary $$" >"$CANARY_DIR/canary"
chmod 0600 "$CANARY_DIR/canary"

# hostile_image NAME FN [buildah config options...]: a FROM scratch image holding busybox at
# /bin/busybox (entrypoint: echo ordinary-container), then whatever `FN ROOT` adds. Sets
# HOSTILE_IMAGE; removed at exit.
hostile_image() {
    local name=$1 fn=$2 ctr mnt
    shift 2
    HOSTILE_IMAGE=localhost/ucrun-test-hostile-$name-$$:latest
    ctr=$(buildah from scratch) || fail "buildah from scratch"
    mnt=$(buildah mount "$ctr") || fail "buildah mount"
    mkdir -p "$mnt/bin"
    cp "$BUSYBOX" "$mnt/bin/busybox"
    "$fn" "$mnt"
    buildah umount "$ctr" >/dev/null
    buildah config --entrypoint '["/bin/busybox","echo","ordinary-container"]' "$@" "$ctr" ||
        fail "buildah config $name"
    buildah commit -q "$ctr" "$HOSTILE_IMAGE" >/dev/null || fail "buildah commit $name"
    buildah rm "$ctr" >/dev/null
    on_exit podman rmi -f "$HOSTILE_IMAGE"
}

# run_refused NAME IMAGE NEEDLE [podman options...]: podman run fails, within a bound (a FIFO must
# not block create), with NEEDLE in its one-line error, and leaves nothing behind.
run_refused() {
    local name=$1 image=$2 needle=$3 out rc id
    shift 3
    name=$(unique_name "$name")
    pm_rm_on_exit "$name"
    out=$(timeout 120 podman --runtime "$UCRUN_RUNTIME" run "${PODMAN_RUN_ARGS[@]}" --name "$name" --pull=never \
        --annotation io.ucrun.accel=tcg "$@" "$image" 2>&1)
    rc=$?
    [[ $rc -ne 124 ]] || fail "$name: podman run still blocked after 120 s"
    assert_ne 0 "$rc" "$name: podman run of a hostile image"
    assert_contains "$out" "$needle" "$name: the refusal"
    assert_not_contains "$out" "root-only canary" "$name: no host file content in the error"
    assert_not_contains "$out" '"delegate"' "$name: no host config content in the error"
    id=$(uk_full_id "$name")
    podman rm -f -t 0 "$name" >/dev/null 2>&1
    [[ -z $id ]] || uk_assert_gone "$id"
    LAST_OUT=$out
}

log "1. /unikernel -> /proc/1/root<dir>: the host's manifest is not the image's"
mkdir -p "$CANARY_DIR/unikernel"
cp "$UK_GUESTS/multiboot.elf" "$CANARY_DIR/unikernel/k"
printf '{"name":"x","kind":"multiboot","kernel":"k"}\n' >"$CANARY_DIR/unikernel/manifest.json"
add_magic_link() { ln -s "/proc/1/root$CANARY_DIR/unikernel" "$1/unikernel"; }
hostile_image magic add_magic_link
name=$(unique_name magic)
pm_rm_on_exit "$name"
out=$(timeout 120 podman --runtime "$UCRUN_RUNTIME" run "${PODMAN_RUN_ARGS[@]}" --rm --name "$name" --pull=never "$HOSTILE_IMAGE" 2>&1) ||
    fail "the image with a /proc link at /unikernel should run as an ordinary container: $out"
assert_eq "ordinary-container" "$out" "the magic-link image runs as an ordinary container"

log "2. a kernel annotation naming a link to a host file"
add_kernel_link() { ln -s "/proc/1/root$CANARY_DIR/canary" "$1/kernel"; }
hostile_image kernel-link add_kernel_link
run_refused kernel-link "$HOSTILE_IMAGE" 'is a symbolic link' \
    --annotation io.ucrun.unikernel.kind=multiboot --annotation io.ucrun.unikernel.kernel=/kernel
run_refused kernel-dotdot "$HOSTILE_IMAGE" '".." is not allowed' \
    --annotation io.ucrun.unikernel.kind=multiboot --annotation "io.ucrun.unikernel.kernel=/../../$CANARY_DIR/canary"

log "3. /unikernel/manifest.json -> /dev/zero, a FIFO, a host JSON file"
add_zero() { mkdir -p "$1/unikernel" && ln -s /dev/zero "$1/unikernel/manifest.json"; }
hostile_image zero add_zero
run_refused zero "$HOSTILE_IMAGE" 'is a symbolic link'
add_fifo() { mkdir -p "$1/unikernel" && mkfifo "$1/unikernel/manifest.json"; }
hostile_image fifo add_fifo
run_refused fifo "$HOSTILE_IMAGE" 'not a regular file'
add_host_json() { mkdir -p "$1/unikernel" && ln -s /etc/ucrun/ucrun.json "$1/unikernel/manifest.json"; }
hostile_image host-json add_host_json
run_refused host-json "$HOSTILE_IMAGE" 'is a symbolic link'
add_big_manifest() { mkdir -p "$1/unikernel" && head -c 100000 /dev/zero | tr '\0' ' ' >"$1/unikernel/manifest.json"; }
hostile_image big-manifest add_big_manifest
run_refused big-manifest "$HOSTILE_IMAGE" 'more than the limit of 64 KiB'

log "4. an oversized (sparse) kernel and a gzip bomb"
add_sparse() {
    mkdir -p "$1/unikernel"
    truncate -s 1536M "$1/unikernel/kernel"
    echo initrd >"$1/unikernel/initrd"
    printf '{"name":"s","kind":"linux","kernel":"kernel","initrd":"initrd"}\n' >"$1/unikernel/manifest.json"
}
hostile_image sparse add_sparse
run_refused sparse "$HOSTILE_IMAGE" 'is more than the limit of 128 MiB'
cache=/var/lib/ucrun/cache
before=$(ls "$cache" 2>/dev/null | sort)
add_bomb() {
    mkdir -p "$1/unikernel"
    head -c 600M /dev/zero | gzip -1 >"$1/unikernel/kernel.gz"
    echo initrd >"$1/unikernel/initrd"
    printf '{"name":"b","kind":"linux","kernel":"kernel.gz","initrd":"initrd"}\n' >"$1/unikernel/manifest.json"
}
hostile_image bomb add_bomb
run_refused bomb "$HOSTILE_IMAGE" 'unpacks to more than 134217728 bytes'
assert_eq "$before" "$(ls "$cache" 2>/dev/null | sort)" "the kernel cache after a gzip bomb"

log "5. /etc/ld.so.preload in a unikernel image is never loaded by the VMM"
image=localhost/ucrun-test-hostile-base-$$:latest
img_build "ucrun-test-hostile-base-$$" --no-registry --image "$image" -- sh -c 'echo guest-up; exec sleep 100000'
printf '#include <unistd.h>\n__attribute__((constructor)) static void hit(void) { write(2, "PRELOADED-IN-VMM\\n", 17); }\n' \
    >"$IMG_TMP/evil.c"
gcc -shared -fPIC -o "$IMG_TMP/evil.so" "$IMG_TMP/evil.c" || fail "gcc evil.so"
ctr=$(buildah from --pull-never "$image") || fail "buildah from $image"
mnt=$(buildah mount "$ctr")
mkdir -p "$mnt/etc"
cp "$IMG_TMP/evil.so" "$mnt/evil.so"
echo /evil.so >"$mnt/etc/ld.so.preload"
buildah umount "$ctr" >/dev/null
preload_image=localhost/ucrun-test-hostile-preload-$$:latest
buildah commit -q "$ctr" "$preload_image" >/dev/null || fail "buildah commit preload"
buildah rm "$ctr" >/dev/null
on_exit podman rmi -f "$preload_image"
name=$(unique_name preload)
pm_rm_on_exit "$name"
uk_run tcg -d --pull=never --name "$name" --network none "$preload_image" >/dev/null || fail "podman run $name"
wait_for 180 "the guest of $name booted" uk_logs_have "$name" guest-up
assert_not_contains "$(podman logs "$name" 2>&1)" "PRELOADED-IN-VMM" "the image's ld.so.preload ran in the VMM"
id=$(uk_full_id "$name")
caps=$(grep -E '^Cap(Eff|Prm|Bnd):|^NoNewPrivs:' "/proc/$(podman inspect --format '{{.State.Pid}}' "$name")/status" | tr -s '\t ' ' ')
assert_contains "$caps" "CapEff: 0000000000000000" "the monitor's effective capabilities"
assert_contains "$caps" "CapBnd: 0000000000000000" "the monitor's bounding set"
assert_contains "$caps" "NoNewPrivs: 1" "no_new_privs on the VMM"
qemu=$(uk_qemu_pids "$id" | head -n1)
[[ -n $qemu ]] || fail "no QEMU for $name"
assert_not_contains "$(ls "/proc/$qemu/root/" 2>&1)" "evil.so" "the image's files in QEMU's root"

log "6. a guest flooding COM2 grows nothing on the host"
flood_image=localhost/ucrun-test-hostile-flood-$$:latest
img_build "ucrun-test-hostile-flood-$$" --no-registry --image "$flood_image" -- \
    sh -c 'dd if=/dev/zero of=/dev/ttyS1 bs=4096 count=256 2>/dev/null; echo flooded; exec sleep 100000'
fname=$(unique_name flood)
pm_rm_on_exit "$fname"
uk_run tcg -d --pull=never --name "$fname" --network none "$flood_image" >/dev/null || fail "podman run $fname"
wait_for 300 "the guest of $fname flooded COM2" uk_logs_have "$fname" flooded
fid=$(uk_full_id "$fname")
used=$(du -s -B1 "/run/ucrun/containers/$fid" | cut -f1)
(( used < 8 * 1024 * 1024 )) || fail "the state of $fname grew to $used bytes under a COM2 flood of 1 MiB"
log "state of the flooding guest: $used bytes"

log "7. io.ucrun.debug.stop-at does nothing without debug_fault_points in root's config"
sname=$(unique_name stopat)
pm_rm_on_exit "$sname"
uk_run tcg -d --pull=never --name "$sname" --network none --annotation io.ucrun.debug.stop-at=record "$image" \
    >/dev/null || fail "podman run with the stop-at annotation"
wait_for 180 "the guest of $sname booted" uk_logs_have "$sname" guest-up
[[ -z $(ps -eo stat=,args= | awk '$1 ~ /^T/ && / create /') ]] || fail "a stopped ucrun create exists"

log "8. the guest's tap filters follow the container's CAP_NET_RAW (test_net_tap shows what they stop)"
net=ucrun-test-hostile-net-$$
img_network "$net"
tap_filters() { # CONTAINER: the ingress filters of the tap in its netns
    local pid
    pid=$(podman inspect --format '{{.State.Pid}}' "$1")
    local tap
    tap=$(nsenter -t "$pid" -n ip -o link show type tun | awk -F': ' '{print $2}' | head -n1)
    [[ -n $tap ]] || fail "no tap in the netns of $1"
    nsenter -t "$pid" -n tc filter show dev "$tap" ingress
}
gname=$(unique_name guarded)
pm_rm_on_exit "$gname"
uk_run tcg -d --pull=never --name "$gname" --network "$net" "$image" >/dev/null || fail "podman run $gname"
assert_contains "$(tap_filters "$gname")" "protocol arp" "the tap of a container without NET_RAW filters ARP"
rname=$(unique_name raw)
pm_rm_on_exit "$rname"
uk_run tcg -d --pull=never --name "$rname" --network "$net" --cap-add NET_RAW "$image" >/dev/null ||
    fail "podman run $rname"
f=$(tap_filters "$rname")
assert_contains "$f" "Egress Redirect to device eth0" "the tap of a container with NET_RAW"
assert_not_contains "$f" "protocol arp" "the tap of a container with NET_RAW filters nothing"

log "9. a local user can neither read a registry entry nor hold the pull or kernel-build lock"
reg=$(img_registry_root)
img_build "ucrun-test-hostile-reg-$$" -- sh -c 'echo hi'
nobody() { setpriv --reuid 65534 --regid 65534 --clear-groups "$@"; }
nobody cat "$reg/ucrun-test-hostile-reg-$$/manifest.json" >/dev/null 2>&1 &&
    fail "a local user read the registry entry's manifest"
assert_eq "drwx------" "$(stat -c %A "$reg/ucrun-test-hostile-reg-$$")" "the registry entry's mode"
"$UCOMPOSE" kernel build >/dev/null 2>&1 || fail "ucompose kernel build (cached)"   # takes the build lock
[[ -d /var/lib/ucrun/kernels/.locks ]] || fail "the kernel build took no lock in /var/lib/ucrun/kernels/.locks"
for dir in /var/lib/ucrun/kernels "$reg"; do
    [[ -d $dir/.locks ]] || continue   # the registry's: only once something was pulled
    assert_eq "drwx------" "$(stat -c %A "$dir/.locks")" "the mode of $dir/.locks"
    nobody flock -n "$dir/.locks/pull" true 2>/dev/null && fail "a local user took a lock in $dir/.locks"
done

for n in "$name" "$fname" "$sname" "$gname" "$rname"; do img_rm_check "$n"; done
log "ok"
