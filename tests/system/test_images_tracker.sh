#!/usr/bin/env bash
# ucompose build tracker: built offline, tiny, idle under plain crun, stops on SIGTERM, and a
# rebuild of unchanged content is a no-op.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
require_cmd podman
require_host_setup
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}
[[ -x $UCOMPOSE ]] || fail "ucompose is not built at $UCOMPOSE"

tag=localhost/ucrun-test-tracker-$$:latest
name=$(unique_name run)
on_exit podman rmi -f "$tag"

log "build (offline, FROM scratch)"
out=$("$UCOMPOSE" build tracker --tag "$tag" 2>&1) || fail "ucompose build tracker failed: $out"
assert_contains "$out" "building tracker image $tag" "progress of the first build"
podman image exists "$tag" || fail "image $tag was not created"

log "size, labels, entrypoint"
size=$(podman image inspect --format '{{.Size}}' "$tag")
log "tracker image size: $size bytes"
((size <= 16384)) || fail "tracker image is $size bytes, more than 16 KiB"
assert_eq sys_chroot "$(podman image inspect --format '{{index .Labels "io.containers.capabilities"}}' "$tag")" \
    "io.containers.capabilities label"
assert_eq loop-svc "$(podman image inspect --format '{{index .Labels "io.ucrun.tracker"}}' "$tag")" "io.ucrun.tracker label"
assert_match "$(podman image inspect --format '{{index .Labels "io.ucrun.tracker.hash"}}' "$tag")" '^sha256:[0-9a-f]{64}$' \
    "content hash label"
id1=$(podman image inspect --format '{{.Id}}' "$tag")

log "rebuild with nothing changed is a no-op"
out=$("$UCOMPOSE" build tracker --tag "$tag" 2>&1) || fail "second build failed: $out"
assert_contains "$out" "is up to date" "second build"
assert_eq "$id1" "$(podman image inspect --format '{{.Id}}' "$tag")" "image id after the no-op rebuild"

log "under plain crun: one line, then idle"
pm_rm_on_exit "$name"
podman --runtime crun run -d --name "$name" --pull=never "${PODMAN_RUN_ARGS[@]}" -e SERVICE_NAME=web "$tag" >/dev/null ||
    fail "podman run -d of the tracker failed"
wait_for 10 "the tracker's line in the log" bash -c "podman logs $name 2>&1 | grep -q 'SERVICE_NAME=web'"
assert_contains "$(podman logs "$name" 2>&1)" "--runtime ucrun" "the tracker names the runtime it needs"
pid=$(podman inspect --format '{{.State.Pid}}' "$name")
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep 2
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
log "CPU over 2 s: $((t1 - t0)) clock ticks"
((t1 - t0 <= 1)) || fail "the tracker used $((t1 - t0)) clock ticks of CPU in 2 s; it should sleep"

log "podman stop: exits 0 on SIGTERM (137 would mean it waited for the kill timeout)"
start=$(date +%s%N)
podman stop -t 10 "$name" >/dev/null || fail "podman stop failed"
log "podman stop took $((($(date +%s%N) - start) / 1000000)) ms"
assert_eq 0 "$(podman inspect --format '{{.State.ExitCode}}' "$name")" "exit code after podman stop"
log "ok"
