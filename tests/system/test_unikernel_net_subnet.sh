#!/usr/bin/env bash
# On a network made with a non-/24 subnet (10.89.64.0/20) and a fixed --ip outside the
# gateway's /24 and a fixed --mac-address, the linux guest reports exactly the container's
# identity, read by ucrun from the real interface, routes and resolv.conf (nothing hard-coded):
# eth0's MAC, 10.89.77.200/20, the on-link /20 route, the default route via 10.89.64.1, and
# aardvark's nameserver; and it reaches the gateway (which it can only do through a /20).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
net_tracker_image

SUBNET=10.89.64.0/20
GATEWAY=10.89.64.1
IP=10.89.77.200
MAC=92:d0:c6:0a:29:33
NL=$'\n'
re() { sed 's/[.]/\\./g' <<<"$1"; } # an address as an ERE

# Reports what the guest sees, then exits 0 (the run is over when podman run returns).
net_guest report sh -c '
echo "== addr"; ip -4 -o addr show dev eth0
echo "== link"; ip -o link show dev eth0
echo "== route"; ip -4 route
echo "== resolv"; cat /etc/resolv.conf
echo "== hosts"; cat /etc/hosts
echo "== ping"; ping -c 1 -w 30 "$GW" && echo "gateway reachable"
echo "== end"'

net_network subnet --subnet "$SUBNET"
net=$NET_NETWORK
assert_eq "$GATEWAY" "$(podman network inspect --format '{{range .Subnets}}{{.Gateway}}{{end}}' "$net")" \
    "podman's gateway for $SUBNET"

guest=$(unique_name guest)
pm_rm_on_exit "$guest"
out=$(net_run_guest "$guest" "$NET_GUEST" --network "$net" --ip "$IP" --mac-address "$MAC" \
    -e GW="$GATEWAY" 2>&1)
rc=$?
logs=$(podman logs "$guest" 2>&1 | tr -d '\r')
[[ $rc -eq 0 ]] || fail "podman run of the guest exited $rc: $out
logs: $logs"
assert_contains "$logs" "== end" "the guest's report is complete"

section() { sed -n "/^== $1\$/,/^== /p" <<<"$logs" | sed '1d;$d'; }
addr=$(section addr)
assert_match "$addr" "eth0 +inet $(re "$IP")/20 " "the guest has the container's IP with the exact /20 prefix"
assert_contains "$addr" "brd 10.89.79.255" "the /20 broadcast address"
assert_contains "$(section link)" "link/ether $MAC " "the guest's NIC has the container's MAC"
routes=$(section route)
assert_match "$routes" "(^|$NL)default via $(re "$GATEWAY") dev eth0" "default route via the network's gateway"
assert_match "$routes" "(^|$NL)10\\.89\\.64\\.0/20 dev eth0 " "on-link route for the whole /20"
assert_not_contains "$routes" "/24" "no /24 anywhere in the guest's routes"
resolv=$(section resolv)
assert_eq "nameserver $GATEWAY" "$(grep -m1 '^nameserver' <<<"$resolv")" "aardvark on the gateway is the first nameserver"
assert_contains "$resolv" "search dns.podman" "podman's search domain"
assert_not_contains "$resolv" "8.8.8.8" "no hard-coded public resolver"
assert_match "$(section hosts)" "(^|$NL)$(re "$IP")[[:space:]]" "/etc/hosts names the container's IP"
assert_contains "$(section ping)" "gateway reachable" "the guest reaches $GATEWAY across its /20"
log "PASS"
