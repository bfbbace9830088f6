#!/usr/bin/env bash
# On a network with a non-default MTU (podman network create -o mtu=1400), the guest's NIC gets
# the container's MTU (runtime/net/net.hpp: "eth0's MTU, also set on the tap (QEMU:
# virtio-net-pci,host_mtu=<mtu>)"), so a packet the size of the network's MTU leaves the guest
# and is answered, as it is from an ordinary container on the same network. With a guest MTU of
# 1500 on a 1400 network, a 1450-byte datagram leaves the guest unfragmented and is lost at eth0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
net_tracker_image

MTU=1400
net_guest mtu sh -c '
echo "== link"; ip -o link show dev eth0
echo "== small"; ping -c 2 -w 20 -s 1300 "$GW" >/dev/null && echo "small ping ok"
echo "== big"; ping -c 2 -w 20 -s 1450 "$GW" >/dev/null && echo "big ping ok"
echo "== end"'

net_network mtu -o mtu="$MTU"
net=$NET_NETWORK
gw=$(podman network inspect --format '{{range .Subnets}}{{.Gateway}}{{end}}' "$net")
[[ -n $gw ]] || fail "no gateway for $net"

# The reference: an ordinary container on the same network sends the same big ping.
ref=$(pm run "${PODMAN_RUN_ARGS[@]}" --rm --cap-add NET_RAW --network "$net" "$TEST_IMAGE" \
    sh -c "ping -c 2 -w 20 -s 1450 $gw >/dev/null && echo 'big ping ok'" 2>&1)
assert_contains "$ref" "big ping ok" "an ordinary container on the $MTU-MTU network pings $gw with 1450 bytes"

guest=$(unique_name guest)
pm_rm_on_exit "$guest"
out=$(net_run_guest "$guest" "$NET_GUEST" --network "$net" -e GW="$gw" 2>&1) ||
    fail "podman run of the guest: $out"
logs=$(podman logs "$guest" 2>&1 | tr -d '\r')
assert_contains "$logs" "== end" "the guest's report is complete"
assert_contains "$logs" "small ping ok" "a packet below the MTU leaves the guest"
assert_match "$(sed -n '/^== link$/,/^== /p' <<<"$logs")" "eth0: .* mtu $MTU " "the guest's eth0 has the network's MTU"
assert_contains "$logs" "big ping ok" "a 1450-byte ping from the guest (fragmented at the MTU) is answered"
log "PASS"
