# shellcheck shell=bash
# Helpers for tests/system/test_unikernel_net_*.sh, on top of lib.sh and lib_unikernel.sh (source
# those first). The guests are linux unikernels built with `ucompose unikernel build` from
# busybox-static into ucrun's configured registry under unique `ucrun-test-*` names, booted the
# seed's way (the tracker image + SERVICE_NAME), always under TCG (CI has no KVM; the network
# path does not depend on the accelerator). Everything made here is removed at exit.

UCOMPOSE=${UCOMPOSE:-$(command -v ucompose || echo "$UCRUN_BUILD_DIR/cli/ucompose")}
NET_ACCEL=${UCRUN_TEST_NET_ACCEL:-tcg}
# Generous bounds on waiting (not timed assertions): a TCG boot takes ~3-5 s when idle.
NET_BOOT_WAIT=${UCRUN_TEST_NET_BOOT_WAIT:-180}

# net_require: everything a network test needs on this machine.
net_require() {
    require_podman_runtime
    require_cmd ip tc curl busybox qemu-system-x86_64 nsenter
    [[ -x $UCOMPOSE ]] || fail "ucompose not found (PATH or $UCRUN_BUILD_DIR/cli/ucompose); set UCOMPOSE"
    [[ -c /dev/net/tun ]] || skip "/dev/net/tun is missing"
    ls /boot/vmlinuz-* >/dev/null 2>&1 || fail "no /boot/vmlinuz-* (Debian package linux-image-cloud-amd64)"
    ensure_test_image
}

# NET_REGISTRY: the registry ucrun reads (its config's "registry", else the default). Env
# overrides do not cross podman, so tests use it with unique names.
NET_REGISTRY=/var/lib/ucrun/registry
if [[ -f /etc/ucrun/ucrun.json ]]; then
    __configured=$(sed -n 's/.*"registry"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' /etc/ucrun/ucrun.json)
    [[ -n $__configured ]] && NET_REGISTRY=$__configured
    unset __configured
fi

# net_tracker_image: the tracker image (ucompose build tracker) under a test tag, removed at
# exit. Tag in NET_TRACKER.
net_tracker_image() {
    NET_TRACKER="localhost/ucrun-test-tracker-$(tr '_' '-' <<<"$TEST_NAME")-$$:latest"
    local out
    out=$("$UCOMPOSE" build tracker --tag "$NET_TRACKER" 2>&1) || fail "ucompose build tracker: $out"
    on_exit podman rmi -f "$NET_TRACKER"
}

# net_guest SUFFIX ARGS...: a registry entry ucrun-test-<test>-SUFFIX-<pid> running busybox with
# ARGS (e.g. sh -c '...'), removed at exit. Name in NET_GUEST.
net_guest() {
    local suffix=$1 out
    shift
    NET_GUEST=$(unique_name "$suffix")
    if [[ ! -d $NET_REGISTRY ]]; then
        mkdir -p "$NET_REGISTRY" || fail "mkdir $NET_REGISTRY"
        on_exit_eval "rmdir $(printf '%q' "$NET_REGISTRY") 2>/dev/null || true"
    fi
    [[ ! -e $NET_REGISTRY/$NET_GUEST ]] || fail "registry entry $NET_REGISTRY/$NET_GUEST already exists"
    on_exit "$UCOMPOSE" unikernel rm --registry "$NET_REGISTRY" "$NET_GUEST"
    out=$("$UCOMPOSE" unikernel build "$(readlink -f "$(command -v busybox)")" --name "$NET_GUEST" \
        --registry "$NET_REGISTRY" -- "$@" 2>&1) || fail "ucompose unikernel build $NET_GUEST: $out"
}

# net_network SUFFIX [podman network create ARGS...]: a network removed at exit. Name in NET_NETWORK.
net_network() {
    local suffix=$1 out
    shift
    NET_NETWORK=$(unique_name "$suffix")
    out=$(podman network create "$@" "$NET_NETWORK" 2>&1) ||
        fail "podman network create $* $NET_NETWORK: $out"
    on_exit podman network rm -f "$NET_NETWORK"
}

# net_run_guest NAME ENTRY PODMAN-RUN-ARGS...: podman run (with ucrun, the test's accelerator) of
# the tracker image booting registry entry ENTRY as container NAME, removed at exit. Add -d to
# detach. Output is podman's. Called in a $(...) subshell, the removal at exit would be lost:
# then call `pm_rm_on_exit NAME` first (net_run_guest checks).
net_run_guest() {
    local name=$1 entry=$2
    shift 2
    if ((BASH_SUBSHELL == 0)); then
        pm_rm_on_exit "$name"
    elif [[ " ${__CLEANUPS[*]} " != *" podman rm -f -t 0 $(printf '%q' "$name") "* ]]; then
        fail "net_run_guest $name in a subshell: call pm_rm_on_exit $name first"
    fi
    uk_run "$NET_ACCEL" --name "$name" -e SERVICE_NAME="$entry" "$@" "$NET_TRACKER"
}

# net_wait_logs NAME TEXT: wait (boot bound) until podman logs NAME contains TEXT; on timeout the
# failure shows the logs.
net_wait_logs() {
    wait_quiet "$NET_BOOT_WAIT" uk_logs_have "$1" "$2" ||
        fail "timed out after ${NET_BOOT_WAIT}s waiting for \"$2\" in the logs of $1; logs:
$(podman logs "$1" 2>&1 | tail -n 40)"
}

# net_sandbox NAME: the container's netns path (podman's SandboxKey), while it runs.
net_sandbox() { podman inspect --format '{{.NetworkSettings.SandboxKey}}' "$1" 2>/dev/null; }

# net_links_in NETNS_PATH: the interface names in a netns, one a line.
net_links_in() {
    nsenter --net="$1" ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | sed 's/@.*//'
}

# net_host_uk_taps: interfaces named like ucrun's taps (uk + 12 hex) in the host's netns.
net_host_uk_taps() {
    ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E '^uk[0-9a-f]{12}$' || true
}

# net_where_is IFNAME: "<where>" for the host ("host") and every named netns (`ip netns list`)
# that has an interface IFNAME, one a line; empty when it is nowhere.
net_where_is() {
    local ns
    ip link show "$1" >/dev/null 2>&1 && echo host
    while read -r ns _; do
        [[ -n $ns ]] || continue
        ip -n "$ns" link show "$1" >/dev/null 2>&1 && echo "netns $ns"
    done < <(ip netns list 2>/dev/null)
    return 0
}

# net_re ADDR: an IPv4 address as an ERE that matches it exactly (dots escaped, no digit after).
net_re() { printf '%s([^0-9.]|$)' "${1//./\\.}"; }

# net_port_free PORT: nothing listens on TCP PORT on the host.
net_port_free() { ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
