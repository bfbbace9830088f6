#!/usr/bin/env bash
# What a unikernel leaves on the network, per podman network mode:
#   - a podman network: while it runs, exactly one tap of ours (uk + 12 hex) in the container's
#     netns, none on the host, eth0 <-> tap redirects, QEMU on that tap; after `podman rm -f` the
#     tap is nowhere (host or any netns), the netns is gone, and so is ucrun's state;
#   - --network none: a guest with no NIC (no /ucrun/net, only lo, no -netdev, no tap);
#   - --network host: refused at create with a clear message, no state under /run/ucrun/containers;
#   - a network without IPAM (eth0 without IPv4): a clear error at create, nothing left behind.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
net_tracker_image

# Reports its interfaces and whether it got a network config, then serves on port 80 (on lo when
# there is no NIC) until stopped.
net_guest idle sh -c '
echo "guest-links: $(ls /sys/class/net | tr "\n" " ")"
if [ -e /ucrun/net ]; then echo "guest-ucrun-net: present"; else echo "guest-ucrun-net: absent"; fi
echo "guest-serving"
exec httpd -f -p 80 -h /'
entry=$NET_GUEST
UK_TAP_RE='^uk[0-9a-f]{12}$'
NL=$'\n'
stray=$(net_host_uk_taps)
if [[ -n $stray ]]; then log "uk* taps on the host before the test (not ours, left alone): $stray"; fi

qemu_cmdline() { # ID: the NUL-separated argv of the container's QEMU, one arg a line
    local pid
    pid=$(uk_qemu_pids "$1" | head -n1)
    [[ -n $pid ]] || fail "no QEMU process for ${1:0:12}"
    tr '\0' '\n' <"/proc/$pid/cmdline"
}

# ---- a podman network: one tap while running, nothing after podman rm -f ----------------
net_network main
guest=$(unique_name guest)
net_run_guest "$guest" "$entry" -d --network "$NET_NETWORK" >/dev/null || fail "podman run of $guest"
id=$(uk_full_id "$guest")
net_wait_logs "$guest" "guest-serving"
logs=$(podman logs "$guest" 2>&1 | tr -d '\r')
assert_contains "$logs" "guest-ucrun-net: present" "the guest got /ucrun/net"
assert_match "$logs" "guest-links: [^$NL]*eth0" "the guest has eth0"

sandbox=$(net_sandbox "$guest")
[[ $sandbox == /run/netns/* && -e $sandbox ]] || fail "the container's netns is not a named netns: '$sandbox'"
ns_name=$(basename "$sandbox")
ip netns list | grep -qw "$ns_name" || fail "$ns_name is not in ip netns list"
taps=$(net_links_in "$sandbox" | grep -E "$UK_TAP_RE")
assert_eq 1 "$(grep -c . <<<"$taps")" "exactly one tap of ours in the container's netns ($(net_links_in "$sandbox" | tr '\n' ' '))"
tap=$taps
log "container ${id:0:12}: netns $ns_name, tap $tap"
assert_eq "netns $ns_name" "$(net_where_is "$tap")" "the tap is in the container's netns only"
assert_not_contains "$(net_host_uk_taps)" "$tap" "the tap is not on the host"
assert_contains "$(nsenter --net="$sandbox" tc filter show dev eth0 ingress)" \
    "Egress Redirect to device $tap" "eth0 -> tap redirect"
assert_contains "$(nsenter --net="$sandbox" tc filter show dev "$tap" ingress)" \
    "Egress Redirect to device eth0" "tap -> eth0 redirect"
assert_contains "$(qemu_cmdline "$id")" "tap,id=n0,ifname=$tap,script=no,downscript=no" "QEMU uses the tap"

podman rm -f -t 0 "$guest" >/dev/null || fail "podman rm -f $guest"
uk_assert_gone "$id"
assert_eq "" "$(net_where_is "$tap")" "tap $tap after podman rm -f (host and every netns)"
ip netns list | grep -qw "$ns_name" && fail "netns $ns_name still in ip netns list after podman rm -f"
[[ ! -e $sandbox ]] || fail "$sandbox still exists after podman rm -f"
assert_eq "$stray" "$(net_host_uk_taps)" "uk* taps on the host after podman rm -f (same as before the test)"

# ---- --network none: a guest with no NIC ---------------------------------------------------
guest=$(unique_name none)
net_run_guest "$guest" "$entry" -d --network none >/dev/null || fail "podman run --network none"
id=$(uk_full_id "$guest")
net_wait_logs "$guest" "guest-serving"
logs=$(podman logs "$guest" 2>&1 | tr -d '\r')
assert_contains "$logs" "guest-ucrun-net: absent" "no /ucrun/net for --network none"
assert_match "$logs" "guest-links: lo *($|$NL)" "the guest has only lo"
argv=$(qemu_cmdline "$id")
assert_not_contains "$argv" "-netdev" "QEMU has no -netdev for --network none"
assert_not_contains "$argv" "virtio-net" "QEMU has no NIC for --network none"
sandbox=$(net_sandbox "$guest")
if [[ -n $sandbox && -e $sandbox ]]; then
    assert_eq "" "$(net_links_in "$sandbox" | grep -E "$UK_TAP_RE")" "no tap in the --network none netns"
fi
assert_eq "$stray" "$(net_host_uk_taps)" "no new uk* tap on the host for --network none"
podman rm -f -t 0 "$guest" >/dev/null || fail "podman rm -f $guest"
uk_assert_gone "$id"

# ---- --network host: refused at create ---------------------------------------------------
guest=$(unique_name host)
pm_rm_on_exit "$guest"
out=$(net_run_guest "$guest" "$entry" --network host 2>&1)
assert_ne 0 "$?" "podman run --network host of a unikernel must fail"
assert_contains "$out" "needs its own network namespace" "the error says why"
assert_contains "$out" "--network none" "the error says what to use instead"
id=$(uk_full_id "$guest")
[[ -n $id ]] || fail "podman has no record of $guest"
[[ ! -e /run/ucrun/containers/$id ]] || fail "refused create left /run/ucrun/containers/$id: $(ls -la "/run/ucrun/containers/$id")"
assert_eq "" "$(uk_qemu_pids "$id")" "no QEMU for a refused create"
assert_eq "$stray" "$(net_host_uk_taps)" "no uk* tap on the host after --network host"
ip link show eth0 >/dev/null 2>&1 && assert_eq "" "$(tc filter show dev eth0 ingress 2>/dev/null | grep mirred)" \
    "the host's eth0 has no redirect"

# ---- a network without IPAM: eth0 has no IPv4 address ------------------------------------
net_network noipam --ipam-driver none
guest=$(unique_name noip)
pm_rm_on_exit "$guest"
out=$(net_run_guest "$guest" "$entry" --network "$NET_NETWORK" 2>&1)
assert_ne 0 "$?" "a unikernel on a network without IPv4 must fail at create"
assert_contains "$out" "eth0 has no IPv4 address" "the error says what is wrong"
id=$(uk_full_id "$guest")
[[ -n $id ]] || fail "podman has no record of $guest"
[[ ! -e /run/ucrun/containers/$id ]] || fail "failed create left /run/ucrun/containers/$id"
assert_eq "" "$(uk_qemu_pids "$id")" "no QEMU for a failed create"
sandbox=$(net_sandbox "$guest")
if [[ -n $sandbox && -e $sandbox ]]; then
    assert_eq "" "$(net_links_in "$sandbox" | grep -E "$UK_TAP_RE")" "no tap left in the netns of a failed create"
fi
tap_would_be=$(grep -oE 'attach tap uk[0-9a-f]{12}' <<<"$out" | awk '{print $3}')
[[ -n $tap_would_be ]] && assert_eq "" "$(net_where_is "$tap_would_be")" "tap $tap_would_be nowhere after the failed create"
assert_eq "$stray" "$(net_host_uk_taps)" "no uk* tap on the host after the failed create"
log "PASS"
