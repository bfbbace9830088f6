# shellcheck shell=bash
# Helpers for tests/system/test_images_*.sh that boot what `ucompose unikernel build` made under
# the real runtime (podman --runtime ucrun). Source lib.sh and lib_unikernel.sh first (this file
# uses uk_run, uk_full_id and uk_assert_gone from there, not its test guests).
#
# Names: registry entries and images are ucrun-test-<what>-<pid>; everything is removed at exit.

UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}

# img_require: podman with ucrun, QEMU, the monitor, ucompose and busybox-static. Sets BUSYBOX
# (the canonical path, which is where `unikernel build` puts the program in the guest).
img_require() {
    require_podman_runtime
    require_cmd qemu-system-x86_64 busybox curl
    [[ -x $UCOMPOSE ]] || fail "ucompose is not built at $UCOMPOSE"
    [[ -x $UK_MONITOR ]] || fail "$UK_MONITOR missing (cmake --install <build>, or install ucrun-monitor there)"
    BUSYBOX=$(readlink -f "$(command -v busybox)")
    file -L "$BUSYBOX" 2>/dev/null | grep -q 'dynamically linked' &&
        fail "$BUSYBOX is dynamically linked; these tests need busybox-static"
    return 0
}

# img_registry_root: the registry ucrun reads (its config's "registry", else the default).
# UCRUN_REGISTRY does not cross podman, so tests use the one ucrun is configured with.
img_registry_root() {
    local root=/var/lib/ucrun/registry configured
    if [[ -f /etc/ucrun/ucrun.json ]]; then
        configured=$(sed -n 's/.*"registry"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' /etc/ucrun/ucrun.json)
        [[ -n $configured ]] && root=$configured
    fi
    printf '%s\n' "$root"
}

# img_build NAME [BUILD OPTIONS...] [-- ARGS...]: `ucompose unikernel build $BUSYBOX --name NAME
# --registry <ucrun's registry> ...`. Removes at exit the registry entry (unless --no-registry)
# and the image of --image REF. The build's output is in $IMG_TMP/build-NAME.log.
img_build() {
    local name=$1 root a prev=
    shift
    root=$(img_registry_root)
    for a in "$@"; do
        [[ $a == -- ]] && break
        if [[ $prev == --image ]]; then
            on_exit_eval "! podman image exists $(printf '%q' "$a") || podman rmi -f $(printf '%q' "$a")"
        fi
        prev=$a
    done
    on_exit_eval "[[ ! -e $(printf '%q' "$root/$name") ]] || $(printf '%q' "$UCOMPOSE") unikernel rm $(printf '%q' "$name") --registry $(printf '%q' "$root")"
    "$UCOMPOSE" unikernel build "$BUSYBOX" --name "$name" --registry "$root" "$@" >"$IMG_TMP/build-$name.log" 2>&1 ||
        fail "ucompose unikernel build --name $name failed: $(cat "$IMG_TMP/build-$name.log")"
}

# img_tracker: the tracker image, built with `ucompose build tracker` under a test tag (the
# fixed default tag belongs to the user). Sets IMG_TRACKER.
img_tracker() {
    IMG_TRACKER=localhost/ucrun-test-tracker-$$:latest
    on_exit_eval "! podman image exists $IMG_TRACKER || podman rmi -f $IMG_TRACKER"
    local out
    out=$("$UCOMPOSE" build tracker --tag "$IMG_TRACKER" 2>&1) || fail "ucompose build tracker failed: $out"
}

# img_network NAME: a podman network removed at exit (after the containers on it: register the
# network before them).
img_network() {
    podman network create "$1" >/dev/null || fail "podman network create $1"
    on_exit podman network rm -f "$1"
}

# img_ip CONTAINER NETWORK: the container's IPv4 address on NETWORK.
img_ip() { podman inspect --format "{{(index .NetworkSettings.Networks \"$2\").IPAddress}}" "$1" 2>/dev/null; }

# img_exit_code CONTAINER: podman's State.ExitCode.
img_exit_code() { podman inspect --format '{{.State.ExitCode}}' "$1" 2>/dev/null; }

# img_rm_check CONTAINER: podman rm it, then check that no QEMU, monitor or ucrun state is left.
img_rm_check() {
    local id
    id=$(uk_full_id "$1") || fail "container $1 is gone before podman rm"
    podman rm -f -t 0 "$1" >/dev/null || fail "podman rm $1"
    uk_assert_gone "$id"
}

IMG_TMP=$(mktemp -d /tmp/ucrun-test-images.XXXXXX)
on_exit rm -rf "$IMG_TMP"
