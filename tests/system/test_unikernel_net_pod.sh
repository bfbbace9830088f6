#!/usr/bin/env bash
# A pod shares one netns, whose eth0 can be redirected to one tap only:
#   - the first unikernel in a pod works (the pod's published port reaches it);
#   - a second unikernel in the same pod is refused at create with a clear message, and leaves
#     the first one's tap and redirects alone;
#   - after the first guest's VM is killed (SIGKILL, no orderly shutdown) and `podman rm -f`, the
#     pod's netns (which outlives the container) has no tap of ours and no redirect on eth0 left,
#     and a new unikernel can take the pod's network again.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
net_tracker_image
UK_TAP_RE='^uk[0-9a-f]{12}$'
PORT=${UCRUN_TEST_NET_POD_PORT:-18081}
net_port_free "$PORT" || fail "TCP port $PORT is already in use on the host"

net_guest web sh -c '
mkdir -p /www && echo "hello from $HOSTNAME_MARK" >/www/index.html
echo "guest-serving"
exec httpd -f -p 80 -h /www'
entry=$NET_GUEST

net_network pod
pod=$(unique_name pod)
# The infra is the busybox test image (podman's default pause image needs catatonit, which this
# machine may lack); it only holds the pod's netns.
out=$(podman pod create --name "$pod" --network "$NET_NETWORK" -p "$PORT:80" --infra-image "$TEST_IMAGE" \
    --infra-command "sleep 1000000" 2>&1) || fail "podman pod create $pod: $out"
on_exit podman pod rm -f -t 0 "$pod"
out=$(podman pod start "$pod" 2>&1) || fail "podman pod start $pod: $out"
infra=$(podman pod inspect --format '{{.InfraContainerID}}' "$pod")
sandbox=$(net_sandbox "$infra")
[[ $sandbox == /run/netns/* && -e $sandbox ]] || fail "the pod's netns is not a named netns: '$sandbox'"
pod_taps() { net_links_in "$sandbox" | grep -E "$UK_TAP_RE" || true; }
eth0_redirects() { nsenter --net="$sandbox" tc filter show dev eth0 ingress 2>/dev/null | grep -o 'Redirect to device [^)]*' || true; }

# ---- the first unikernel ------------------------------------------------------------------
first=$(unique_name first)
net_run_guest "$first" "$entry" -d --pod "$pod" -e HOSTNAME_MARK="first-$$" >/dev/null ||
    fail "podman run of the first unikernel in pod $pod"
first_id=$(uk_full_id "$first")
net_wait_logs "$first" "guest-serving"
tap=$(pod_taps)
assert_match "$tap" "$UK_TAP_RE" "one tap of ours in the pod's netns"
wait_quiet "$NET_BOOT_WAIT" curl -sf -m 5 "http://127.0.0.1:$PORT/" ||
    fail "no HTTP reply on the pod's port $PORT"
assert_eq "hello from first-$$" "$(curl -sS -m 10 "http://127.0.0.1:$PORT/" 2>&1)" "the pod's port reaches the first guest"

# ---- a second unikernel in the same pod: refused -------------------------------------------
second=$(unique_name second)
pm_rm_on_exit "$second"
out=$(net_run_guest "$second" "$entry" --pod "$pod" -e HOSTNAME_MARK="second-$$" 2>&1)
assert_ne 0 "$?" "a second unikernel in the same pod must be refused"
assert_contains "$out" "already redirected to tap $tap" "the error says the netns is taken, and by which tap"
second_id=$(uk_full_id "$second")
[[ -z $second_id || ! -e /run/ucrun/containers/$second_id ]] || fail "the refused create left /run/ucrun/containers/$second_id"
assert_eq "$tap" "$(pod_taps)" "the refused create left the first one's tap alone (and made none)"
assert_eq "Redirect to device $tap" "$(eth0_redirects)" "eth0 still redirects to the first guest only"
assert_eq "hello from first-$$" "$(curl -sS -m 10 "http://127.0.0.1:$PORT/" 2>&1)" "the first guest still answers"

# ---- the first guest's VM dies hard; podman rm -f cleans up in the surviving netns ----------
pids=$( (uk_qemu_pids "$first_id"; podman inspect --format '{{.State.Pid}}' "$first") | sort -u | tr '\n' ' ')
log "killing the first guest's VM and monitor: $pids"
# shellcheck disable=SC2086 # a list of pids
kill -9 $pids 2>/dev/null
wait_quiet 60 bash -c "[[ \$(podman inspect --format '{{.State.Status}}' $first) != running ]]" ||
    fail "$first still running after SIGKILL of its VM"
podman rm -f -t 0 "$first" >/dev/null || fail "podman rm -f $first"
uk_assert_gone "$first_id"
[[ -e $sandbox ]] || fail "the pod's netns $sandbox went away with the container"
assert_eq "" "$(pod_taps)" "no tap of ours left in the pod's netns"
assert_eq "" "$(net_where_is "$tap")" "tap $tap nowhere"
assert_eq "" "$(eth0_redirects)" "no redirect left on the pod's eth0"
assert_match "$(nsenter --net="$sandbox" ip -4 -o addr show dev eth0)" "inet " "the pod's eth0 keeps its address"

# ---- the pod's network can be taken again -----------------------------------------------------
third=$(unique_name third)
net_run_guest "$third" "$entry" -d --pod "$pod" -e HOSTNAME_MARK="third-$$" >/dev/null ||
    fail "podman run of a new unikernel in pod $pod after the cleanup"
net_wait_logs "$third" "guest-serving"
wait_quiet "$NET_BOOT_WAIT" curl -sf -m 5 "http://127.0.0.1:$PORT/" || fail "no HTTP reply from the new guest"
assert_eq "hello from third-$$" "$(curl -sS -m 10 "http://127.0.0.1:$PORT/" 2>&1)" "the pod's port reaches the new guest"
log "PASS"
