# shellcheck shell=bash
# Helpers for tests/system/test_containerd_*.sh, on top of lib.sh (source it first).
#
# Each test starts its own containerd: its own config, root, state, sockets and namespace under
# a temporary directory, no systemd. The config imports the node drop-in users install
# (runtime/node/containerd-ucrun.toml), not a copy, and the tests hand ctr the binary that
# drop-in names for the handler `ucrun`. Images come from podman (podman save | ctr image
# import). Pods are shaped as kubelet's CRI asks for them: a CNI network namespace (bridge +
# host-local), a sandbox task that owns it, containers that join it by /proc/<pid>/ns/net, and
# the io.kubernetes.cri.* annotations. Everything is removed at exit, and ctd_assert_clean
# checks that nothing is left.

CTD_DROPIN=$UCRUN_SOURCE_DIR/runtime/node/containerd-ucrun.toml
CTD_CNI_PATH=${CTD_CNI_PATH:-/usr/lib/cni}
# The runc v2 shim runs the runtime with --root <this>/<namespace> whatever containerd's state is.
CTD_RUNC_ROOT=/run/containerd/runc

# ctd_require: containerd, ctr, the runc v2 shim, the CNI plugins, the drop-in.
ctd_require() {
    require_root
    require_cmd containerd ctr containerd-shim-runc-v2 podman ip nsenter jq
    local p
    for p in bridge host-local loopback; do
        [[ -x $CTD_CNI_PATH/$p ]] || fail "CNI plugin $CTD_CNI_PATH/$p missing (Debian package containernetworking-plugins)"
    done
    [[ -f $CTD_DROPIN ]] || fail "node drop-in $CTD_DROPIN missing"
}

# ctd_start: a containerd of this test; sets CTD_DIR, CTD_NS, CTD_SOCK and CTD_UCRUN (the
# BinaryName of the handler `ucrun` as containerd read it from the drop-in).
ctd_start() {
    CTD_DIR=$(mktemp -d /tmp/ucrun-test-ctd.XXXXXX)
    CTD_NS=ucrun-test-$$
    CTD_SOCK=$CTD_DIR/containerd.sock
    on_exit rm -rf "$CTD_DIR"
    cat >"$CTD_DIR/config.toml" <<EOF
version = 2
root = "$CTD_DIR/root"
state = "$CTD_DIR/state"
imports = ["$CTD_DROPIN"]
[grpc]
  address = "$CTD_SOCK"
[ttrpc]
  address = "$CTD_SOCK.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$CTD_DIR/opt"
EOF
    CTD_UCRUN=$(ctd_handler_binary ucrun) || fail "containerd config dump: no handler ucrun in $CTD_DROPIN"
    containerd --config "$CTD_DIR/config.toml" >"$CTD_DIR/containerd.log" 2>&1 &
    CTD_PID=$!
    on_exit ctd_stop
    wait_for 30 "containerd on $CTD_SOCK" ctr -a "$CTD_SOCK" version
    ctd plugins ls | grep -E '^io\.containerd\.grpc\.v1[[:space:]]+cri[[:space:]].*[[:space:]]ok' >/dev/null ||
        fail "containerd's CRI plugin did not load the drop-in: $(grep -m1 'io.containerd.grpc.v1.cri' "$CTD_DIR/containerd.log")"
}

# ctd_handler_binary HANDLER [CONFIG]: options.BinaryName of a CRI runtime handler in the
# effective config (imports merged) of CONFIG, by default this test's.
ctd_handler_binary() {
    containerd --config "${2:-$CTD_DIR/config.toml}" config dump 2>/dev/null |
        awk -v h="[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.$1.options]" '
            index($0, h) { inside = 1; next }
            /^[[:space:]]*\[/ { inside = 0 }
            inside && $1 == "BinaryName" { gsub(/"/, "", $3); print $3; found = 1; exit }
            END { exit !found }'
}

# ctd ARGS...: ctr against this test's containerd and namespace.
ctd() { ctr -a "$CTD_SOCK" -n "$CTD_NS" "$@"; }

# ctd_remove ID...: SIGKILL the task, wait for it, delete the task and the container.
ctd_remove() {
    local id
    for id in "$@"; do
        ctd task kill -s SIGKILL "$id" >/dev/null 2>&1
        wait_quiet 30 ctd_task_stopped "$id" || fail "task $id did not stop after SIGKILL"
        ctd task delete "$id" >/dev/null 2>&1
        ctd container delete "$id" >/dev/null 2>&1 || fail "ctr container delete $id"
    done
}

# ctd_stop: kill every task, delete every container, stop containerd, unmount what is left.
ctd_stop() {
    local t c m
    for t in $(ctd task ls -q 2>/dev/null); do ( ctd_remove "$t" ); done
    for c in $(ctd container ls -q 2>/dev/null); do ctd container delete "$c" >/dev/null 2>&1; done
    kill "$CTD_PID" 2>/dev/null && wait "$CTD_PID" 2>/dev/null
    pkill -f "containerd-shim-runc-v2 -namespace $CTD_NS " 2>/dev/null
    while read -r m; do umount -l "$m" 2>/dev/null; done < <(awk -v d="$CTD_DIR" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
    # The runtime's root for the namespace keeps its empty per-runtime directories (as runc
    # keeps the root itself); ctd_assert_clean checks that nothing is inside them.
    [[ -d $CTD_RUNC_ROOT/$CTD_NS ]] && find "$CTD_RUNC_ROOT/$CTD_NS" -depth -type d -empty -delete 2>/dev/null
    return 0
}

# ctd_task_status ID: RUNNING | PAUSED | STOPPED | ... ("" when there is no task).
ctd_task_status() { ctd task ls 2>/dev/null | awk -v id="$1" '$1 == id { print $3 }'; }
ctd_task_is() { [[ $(ctd_task_status "$1") == "$2" ]]; }
ctd_task_stopped() { [[ $(ctd_task_status "$1") == STOPPED || -z $(ctd_task_status "$1") ]]; }
ctd_task_pid() { ctd task ls 2>/dev/null | awk -v id="$1" '$1 == id { print $2 }'; }

# ctd_import IMAGE: podman's IMAGE into this containerd (docker-archive keeps the name).
ctd_import() {
    podman save -q -o "$CTD_DIR/image.tar" "$1" || fail "podman save $1"
    ctd image import "$CTD_DIR/image.tar" >/dev/null || fail "ctr image import of $1"
    rm -f "$CTD_DIR/image.tar"
}

# ctd_run ARGS...: ctr run through the handler's binary (what the runc v2 shim gets as
# BinaryName from the CRI plugin for a pod of RuntimeClass ucrun).
ctd_run() { ctd run --runc-binary "$CTD_UCRUN" "$@"; }

# ctd_pod NAME: a pod network as a CNI runtime makes one: a named netns, eth0 from the bridge
# plugin, an address from host-local, lo up (loopback plugin). Sets POD_NETNS (path) and POD_IP. Removed at exit.
ctd_pod() {
    local name=$1 n=$(($$ % 200 + 20)) conf out
    POD_NETNS=/var/run/netns/ucrun-test-$name-$$
    ip netns add "${POD_NETNS##*/}" || fail "ip netns add"
    on_exit ip netns delete "${POD_NETNS##*/}"
    conf=$(jq -n --arg br "ucrt$n" --arg sub "10.199.$n.0/24" --arg dir "$CTD_DIR/cni" '{
        cniVersion: "0.4.0", name: "ucrun-test", type: "bridge", bridge: $br, isGateway: true,
        ipMasq: false, ipam: {type: "host-local", subnet: $sub, dataDir: $dir}}')
    printf '%s' "$conf" >"$CTD_DIR/cni-$name.json"
    on_exit_eval "ctd_cni DEL $(printf '%q' "$name") >/dev/null 2>&1; ip link delete ucrt$n 2>/dev/null || true"
    # lo first, as a CRI runtime does (the loopback plugin), then eth0.
    out=$(printf '{"cniVersion":"0.4.0","name":"lo","type":"loopback"}' | CNI_COMMAND=ADD \
        CNI_CONTAINERID=ucrun-test-$name-$$ CNI_NETNS=$POD_NETNS CNI_IFNAME=lo CNI_PATH=$CTD_CNI_PATH \
        "$CTD_CNI_PATH/loopback" 2>&1) || fail "CNI loopback ADD for pod $name: $out"
    out=$(ctd_cni ADD "$name") || fail "CNI ADD for pod $name: $out"
    POD_IP=$(jq -r '.ips[0].address' <<<"$out")
    POD_IP=${POD_IP%/*}
    [[ $POD_IP =~ ^10\.199\. ]] || fail "CNI gave no address: $out"
}

# ctd_cni ADD|DEL NAME: the bridge plugin for pod NAME's netns.
ctd_cni() {
    CNI_COMMAND=$1 CNI_CONTAINERID=ucrun-test-$2-$$ CNI_NETNS=$POD_NETNS CNI_IFNAME=eth0 \
        CNI_PATH=$CTD_CNI_PATH "$CTD_CNI_PATH/bridge" <"$CTD_DIR/cni-$2.json"
}

# ctd_assert_clean: no task, shim, QEMU, tap or ucrun record of this test's namespace is left.
ctd_assert_clean() {
    [[ -z $(ctd task ls -q 2>/dev/null) ]] || fail "tasks left: $(ctd task ls -q)"
    wait_quiet 20 test -z "$(pgrep -f "containerd-shim-runc-v2 -namespace $CTD_NS ")" ||
        fail "shims left: $(pgrep -af "containerd-shim-runc-v2 -namespace $CTD_NS ")"
    local left
    left=$(find "$CTD_RUNC_ROOT/$CTD_NS" -mindepth 2 2>/dev/null)
    [[ -z $left ]] || fail "runtime state left under $CTD_RUNC_ROOT/$CTD_NS: $left"
}
