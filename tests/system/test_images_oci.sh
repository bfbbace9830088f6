#!/usr/bin/env bash
# ucompose unikernel build --image: a FROM scratch OCI image with the kernel and initrd under
# /unikernel/ and io.ucrun.unikernel.* labels, which survives podman save/load and skopeo copy
# to oci: and docker-archive: unchanged. ucompose unikernel import registers prebuilt files.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
require_cmd podman skopeo busybox
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}
[[ -x $UCOMPOSE ]] || fail "ucompose is not built at $UCOMPOSE"
BUSYBOX=$(readlink -f "$(command -v busybox)")

tmp=$(mktemp -d /tmp/ucrun-test-ukoci.XXXXXX)
on_exit rm -rf "$tmp"
tag=localhost/ucrun-test-ukoci-$$:latest
on_exit podman rmi -f "$tag"

log "build to the registry and to $tag"
"$UCOMPOSE" unikernel build "$BUSYBOX" --name httpd --registry "$tmp/reg" --image "$tag" --memory 128 \
    -- httpd -f -p 80 >"$tmp/build.log" 2>&1 || fail "build failed: $(cat "$tmp/build.log")"
label() { podman image inspect --format "{{index .Labels \"io.ucrun.unikernel.$1\"}}" "$tag"; }
check_labels() {
    assert_eq linux "$(label kind)" "kind label"
    assert_eq /unikernel/vmlinux.gz "$(label kernel)" "kernel label (the purpose-built PVH kernel, gzipped)"
    assert_eq /unikernel/initrd.img "$(label initrd)" "initrd label"
    assert_eq 128 "$(label memory)" "memory label"
    assert_eq httpd "$(label name)" "name label"
    assert_eq "[$BUSYBOX httpd -f -p 80]" "$(podman image inspect --format '{{.Config.Cmd}}' "$tag")" "CMD"
}
check_labels

log "podman save / rmi / load round trip"
podman save -o "$tmp/image.tar" "$tag" >/dev/null 2>&1 || fail "podman save failed"
podman rmi "$tag" >/dev/null || fail "podman rmi failed"
podman load -i "$tmp/image.tar" >/dev/null 2>&1 || fail "podman load failed"
check_labels

log "the loaded image holds the same kernel and initrd as the registry entry"
cname=$(unique_name extract)
podman create --name "$cname" "$tag" >/dev/null || fail "podman create failed"
on_exit podman rm -f "$cname"
podman cp "$cname:/unikernel" "$tmp/extracted" || fail "podman cp failed"
cmp "$tmp/extracted/vmlinux.gz" "$tmp/reg/httpd/vmlinux.gz" || fail "kernel differs"
cmp "$tmp/extracted/initrd.img" "$tmp/reg/httpd/initrd.img" || fail "initrd differs"
cmp "$tmp/extracted/manifest.json" "$tmp/reg/httpd/manifest.json" || fail "the image's /unikernel/manifest.json differs"

log "skopeo copy to oci: and docker-archive:"
skopeo copy "containers-storage:$tag" "oci:$tmp/oci:httpd" >/dev/null 2>&1 || fail "skopeo copy to oci: failed"
assert_contains "$(skopeo inspect "oci:$tmp/oci:httpd")" '"io.ucrun.unikernel.kind": "linux"' "labels in the oci: copy"
skopeo copy "containers-storage:$tag" "docker-archive:$tmp/d.tar:$tag" >/dev/null 2>&1 ||
    fail "skopeo copy to docker-archive: failed"
assert_contains "$(skopeo inspect "docker-archive:$tmp/d.tar")" '"io.ucrun.unikernel.initrd": "/unikernel/initrd.img"' \
    "labels in the docker-archive: copy"

log "import: multiboot and disk kinds, ls, rm"
head -c 4096 /dev/zero >"$tmp/app.elf"
head -c 512 /dev/zero >"$tmp/disk.img"
"$UCOMPOSE" unikernel import uk --kind multiboot --kernel "$tmp/app.elf" --cmdline "-- hello" --registry "$tmp/reg" \
    >/dev/null 2>&1 || fail "import multiboot failed"
"$UCOMPOSE" unikernel import nanos --kind disk --disk "$tmp/disk.img" --registry "$tmp/reg" >/dev/null 2>&1 ||
    fail "import disk failed"
assert_contains "$(cat "$tmp/reg/uk/manifest.json")" '"kind": "multiboot"' "multiboot manifest"
assert_contains "$(cat "$tmp/reg/nanos/manifest.json")" '"disk": "disk.img"' "disk manifest"
out=$("$UCOMPOSE" unikernel import bad --kind linux --kernel "$tmp/app.elf" --registry "$tmp/reg" 2>&1) &&
    fail "linux import without --initrd succeeded"
assert_contains "$out" "--initrd is required" "linux import without --initrd"
ls_out=$("$UCOMPOSE" unikernel ls --registry "$tmp/reg")
for n in httpd uk nanos; do assert_contains "$ls_out" "$n" "unikernel ls"; done
"$UCOMPOSE" unikernel rm uk nanos --registry "$tmp/reg" >/dev/null || fail "unikernel rm failed"
assert_eq httpd "$(ls -A "$tmp/reg")" "registry after rm"
log "ok"
