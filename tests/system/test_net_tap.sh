#!/usr/bin/env bash
# ucrun::net without podman: attach_tap/detach_tap on hand-made network namespaces, through the
# tests/net/net_driver binary. One scenario group: the tap + tc redirect plumbing of a unikernel.
#   - attach: tap in the netns owned by uid:gid, eth0's MTU, ingress qdiscs and mirred filters both
#     ways, the exact mac/ip/prefix/gw of a /20, DNS from resolv.conf;
#   - traffic: an unprivileged stand-in guest on the tap answers ARP for eth0's IP from the host;
#   - a second unikernel in the same netns is refused;
#   - detach removes exactly ours (decoy "mytap0", eth0's address, a pre-existing qdisc and a
#     foreign filter stay), and a second detach is a no-op;
#   - eth0 without IPv4: clear error, no tap; no eth0: no NIC (nullopt), nothing made;
#   - a netns that is gone: detach is a no-op, attach a clear error;
#   - the caller's own netns (what --network host would give) is refused.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_root
require_cmd ip tc setpriv busybox timeout unshare
DRIVER=$UCRUN_BUILD_DIR/tests/net/net_driver
[[ -x $DRIVER ]] || fail "$DRIVER is missing (cmake --build $UCRUN_BUILD_DIR --target net_driver)"
[[ -c /dev/net/tun ]] || skip "/dev/net/tun is missing"

NS=ucrun-test-net-$$
TMP=$(mktemp -d /tmp/ucrun-test-net.XXXXXX)
on_exit rm -rf "$TMP"
UID_=4242
GID_=4343

# make_netns SUFFIX: a netns registered for removal (its veths and taps go with it).
make_netns() {
    ip netns add "$NS-$1" || fail "ip netns add $NS-$1"
    on_exit_eval "[[ ! -e /run/netns/$NS-$1 ]] || ip netns del $NS-$1"
    ip -n "$NS-$1" link set lo up
}
# veth_into SUFFIX HOSTIF: a veth pair whose netns end is eth0 (deleted with the netns).
veth_into() {
    ip link add "$2" type veth peer name eth0 netns "$NS-$1" || fail "create veth $2"
    on_exit_eval "ip link del $2 2>/dev/null || true"
    ip link set "$2" up
    ip -n "$NS-$1" link set eth0 up
}
links_of() { ip -n "$NS-$1" -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | sort | tr '\n' ' '; }

cat >"$TMP/resolv.conf" <<'RESOLV'
search dns.podman example.com
nameserver 10.89.64.1
nameserver fd00::1
options ndots:0
RESOLV

# ---- tap names -------------------------------------------------------------------------
TAP=$("$DRIVER" tap-name "container-$$") || fail "tap-name"
assert_match "$TAP" '^uk[0-9a-f]{12}$' "tap name for a container id"
assert_eq "$TAP" "$("$DRIVER" tap-name "container-$$")" "tap name is stable"
assert_ne "$TAP" "$("$DRIVER" tap-name "container-$$-2")" "tap names differ per container"

# ---- the main netns: eth0 (veth, /20, default route, MTU 1400) and a decoy tap ---------
make_netns a
HOSTIF=ucnt$$h
veth_into a "$HOSTIF"
ip link set "$HOSTIF" mtu 1400
ip -n "$NS-a" link set eth0 mtu 1400
ip addr add 10.89.64.1/20 dev "$HOSTIF"
ip -n "$NS-a" addr add 10.89.70.5/20 dev eth0
ip -n "$NS-a" route add default via 10.89.64.1
ip -n "$NS-a" tuntap add dev mytap0 mode tap || fail "create decoy mytap0"
EXPECTED_MAC=$(ip -n "$NS-a" -o link show eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
LINKS_BEFORE=$(links_of a)

out=$("$DRIVER" attach "/run/netns/$NS-a" "$TAP" "$UID_" "$GID_" "$TMP/resolv.conf" 2>&1) ||
    fail "attach failed: $out"
assert_eq "tap=$TAP
mac=$EXPECTED_MAC
ip=10.89.70.5
prefix=20
gw=10.89.64.1
mtu=1400
dns=10.89.64.1
search=dns.podman
search=example.com" "$out" "the guest config is eth0's own"

details=$(ip -n "$NS-a" -d link show "$TAP" 2>&1) || fail "tap $TAP missing in the netns: $details"
assert_contains "$details" "tun type tap" "$TAP is a tap"
assert_contains "$details" "persist on user $UID_ group $GID_" "$TAP is persistent and owned by $UID_:$GID_"
assert_contains "$details" "mtu 1400" "$TAP has eth0's MTU"
assert_match "$details" '<[^>]*[,<]UP[,>]' "$TAP is up"
[[ -e /sys/class/net/$TAP ]] && fail "$TAP leaked into the host's netns"

assert_contains "$(tc -n "$NS-a" qdisc show dev eth0)" "qdisc ingress ffff:" "eth0 has an ingress qdisc"
assert_contains "$(tc -n "$NS-a" qdisc show dev "$TAP")" "qdisc ingress ffff:" "$TAP has an ingress qdisc"
f_eth0=$(tc -n "$NS-a" filter show dev eth0 ingress)
assert_contains "$f_eth0" "match 00000000/00000000 at 0" "eth0's filter matches everything"
assert_contains "$f_eth0" "mirred (Egress Redirect to device $TAP)" "eth0 -> $TAP redirect"
f_tap=$(tc -n "$NS-a" filter show dev "$TAP" ingress)
assert_contains "$f_tap" "match 00000000/00000000 at 0" "$TAP's filter matches everything"
assert_contains "$f_tap" "mirred (Egress Redirect to device eth0)" "$TAP -> eth0 redirect"
# Without CAP_NET_RAW (the driver's default, podman's too): only the guest's own IPv4 and ARP.
assert_contains "$f_tap" "protocol ip" "$TAP passes IPv4 ..."
assert_contains "$f_tap" "protocol arp" "... and ARP ..."
assert_contains "$f_tap" "at -8" "... from the guest's MAC"
# The rest is dropped (gact), or sent back into the tap where the kernel has no gact.
assert_match "$f_tap" "action drop|pref 30051 .*Egress Redirect to device $TAP" "... and stops the rest"

# ---- traffic both ways, with an unprivileged stand-in guest on the tap -----------------
ip netns exec "$NS-a" setpriv --reuid "$UID_" --regid "$GID_" --clear-groups --inh-caps=-all \
    --bounding-set=-all timeout 60 "$DRIVER" fake-guest "$TAP" "$EXPECTED_MAC" 10.89.70.5 \
    >"$TMP/guest.out" 2>&1 &
GUEST_PID=$!
on_exit_eval "kill $GUEST_PID 2>/dev/null || true"
wait_for 20 "the stand-in guest (uid $UID_, no capabilities) to attach to $TAP" grep -q attached "$TMP/guest.out"
busybox arping -f -c 30 -w 30 -I "$HOSTIF" 10.89.70.5 >"$TMP/arping.out" 2>&1 ||
    fail "no ARP reply through the tap: $(cat "$TMP/arping.out" "$TMP/guest.out")"
wait "$GUEST_PID" || fail "stand-in guest failed: $(cat "$TMP/guest.out")"
assert_contains "$(cat "$TMP/guest.out")" "answered ARP from 10.89.64.1" "host ARP reached the guest via eth0 -> tap"
assert_contains "$(cat "$TMP/arping.out")" "[$EXPECTED_MAC]" "the guest's reply reached the host via tap -> eth0"

# ---- a guest without CAP_NET_RAW cannot claim a neighbour's address ----------------------
# The host side accepts gratuitous ARP (arp_accept), so a claim that got through would show as a
# neighbour entry for 10.89.70.9 with the guest's MAC. claim_ip NAME: runs the claim as an
# unprivileged stand-in guest and prints the host's entry for 10.89.70.9 afterwards.
sysctl -qw "net.ipv4.conf.$HOSTIF.arp_accept=1" || fail "arp_accept on $HOSTIF"
claim_ip() {
    ip neigh flush dev "$HOSTIF" to 10.89.70.9 2>/dev/null
    ip netns exec "$NS-a" setpriv --reuid "$UID_" --regid "$GID_" --clear-groups --inh-caps=-all \
        --bounding-set=-all timeout 30 "$DRIVER" claim-ip "$TAP" "$EXPECTED_MAC" 10.89.70.9 5 >"$TMP/$1.out" 2>&1 ||
        fail "the stand-in guest's claim failed: $(cat "$TMP/$1.out")"
    ip neigh show 10.89.70.9 dev "$HOSTIF"
}
assert_not_contains "$(claim_ip guarded)" "$EXPECTED_MAC" "a guarded guest's ARP claim on 10.89.70.9 reached the host"
stopped=$(tc -n "$NS-a" -s filter show dev "$TAP" ingress pref 30051 | sed -n 's/.*Sent [0-9]* bytes \([0-9]*\) pkt.*/\1/p' | head -n1)
assert_match "${stopped:-0}" '^[1-9][0-9]*$' "the tap's last filter (pref 30051) counted the forged frames"

# ---- one unikernel per netns -----------------------------------------------------------
TAP2=$("$DRIVER" tap-name "other-$$")
out=$("$DRIVER" attach "/run/netns/$NS-a" "$TAP2" 0 0 "$TMP/resolv.conf" 2>&1) &&
    fail "a second attach in the same netns succeeded: $out"
assert_contains "$out" "/run/netns/$NS-a" "the error names the netns"
assert_contains "$out" "already redirected to tap $TAP" "the error says why"
assert_not_contains "$(links_of a)" "$TAP2" "the refused attach left no tap"

# ---- detach: exactly ours ---------------------------------------------------------------
assert_rc 0 "detach" "$DRIVER" detach "/run/netns/$NS-a" "$TAP"
assert_eq "$LINKS_BEFORE" "$(links_of a)" "after detach the netns has its links of before (decoy mytap0 included)"
assert_eq "" "$(tc -n "$NS-a" qdisc show dev eth0 ingress)" "our ingress qdisc on eth0 is gone"
assert_eq "" "$(tc -n "$NS-a" filter show dev eth0 ingress)" "our filters on eth0 are gone"
assert_contains "$(ip -n "$NS-a" -4 addr show dev eth0)" "inet 10.89.70.5/20" "eth0 keeps its address"
assert_contains "$(ip -n "$NS-a" route show default)" "default via 10.89.64.1" "the default route stays"
assert_rc 0 "a second detach is a no-op" "$DRIVER" detach "/run/netns/$NS-a" "$TAP"

# ---- an ingress qdisc and a filter that were there before us stay ---------------------
tc -n "$NS-a" qdisc add dev eth0 ingress || fail "pre-existing qdisc"
tc -n "$NS-a" filter add dev eth0 ingress pref 10 protocol ip u32 match ip dst 192.0.2.1/32 classid 1:1 ||
    fail "pre-existing filter"
# This round's guest holds CAP_NET_RAW ("raw"): every frame passes, as from such a container, and
# the same claim as above now reaches the host (the check above can fail).
out=$("$DRIVER" attach "/run/netns/$NS-a" "$TAP" "$UID_" "$GID_" "$TMP/resolv.conf" raw 2>&1) ||
    fail "attach next to a pre-existing qdisc failed: $out"
assert_contains "$(tc -n "$NS-a" filter show dev eth0 ingress)" "Egress Redirect to device $TAP" "our filter joins the existing qdisc"
assert_not_contains "$(tc -n "$NS-a" filter show dev "$TAP" ingress)" "protocol arp" "a raw guest's tap filters nothing"
assert_contains "$(claim_ip raw)" "$EXPECTED_MAC" "a raw guest's ARP claim reaches the host"
assert_rc 0 "detach next to a pre-existing qdisc" "$DRIVER" detach "/run/netns/$NS-a" "$TAP"
assert_contains "$(tc -n "$NS-a" qdisc show dev eth0 ingress)" "qdisc ingress ffff:" "the pre-existing qdisc stays"
f_eth0=$(tc -n "$NS-a" filter show dev eth0 ingress)
assert_contains "$f_eth0" "pref 10 " "the foreign filter stays"
assert_not_contains "$f_eth0" "mirred" "our filter is gone"
assert_eq "$LINKS_BEFORE" "$(links_of a)" "no tap left after the second round"

# ---- eth0 without IPv4: a clear error, no tap -------------------------------------------
make_netns b
veth_into b "ucnt$$b"
out=$("$DRIVER" attach "/run/netns/$NS-b" "$TAP" "$UID_" "$GID_" "$TMP/resolv.conf" 2>&1) &&
    fail "attach with an eth0 without IPv4 succeeded: $out"
assert_eq 1 "$(wc -l <<<"$out")" "the error is one line"
assert_contains "$out" "/run/netns/$NS-b" "the error names the netns"
assert_contains "$out" "eth0 has no IPv4 address" "the error says what is wrong"
assert_eq "eth0 lo " "$(links_of b)" "a failed attach leaves no tap"
assert_eq "" "$(tc -n "$NS-b" qdisc show dev eth0 ingress)" "a failed attach leaves no qdisc"

# ---- no eth0 (podman --network none): no NIC, nothing made -----------------------------
make_netns c
out=$("$DRIVER" attach "/run/netns/$NS-c" "$TAP" "$UID_" "$GID_" "$TMP/resolv.conf" 2>&1) ||
    fail "attach without eth0 failed: $out"
assert_eq "none" "$out" "a netns without eth0 means a guest without a NIC"
assert_eq "lo " "$(links_of c)" "nothing was created"
assert_rc 0 "detach without eth0 or tap" "$DRIVER" detach "/run/netns/$NS-c" "$TAP"

# ---- a netns that is gone ----------------------------------------------------------------
ip netns del "$NS-c"
assert_rc 0 "detach in a netns that is gone" "$DRIVER" detach "/run/netns/$NS-c" "$TAP"
out=$("$DRIVER" attach "/run/netns/$NS-c" "$TAP" "$UID_" "$GID_" "$TMP/resolv.conf" 2>&1) &&
    fail "attach in a missing netns succeeded"
assert_contains "$out" "/run/netns/$NS-c: no such network namespace" "attach in a missing netns"

# ---- the host's netns (--network host) is refused ---------------------------------------
# The driver runs in a fresh netns and is given its own: if the check ever broke, there is no
# eth0 there to take, so the host's network is never at risk.
out=$(unshare --net "$DRIVER" attach /proc/self/ns/net "$TAP" 0 0 "$TMP/resolv.conf" 2>&1) &&
    fail "attach in the caller's own netns succeeded: $out"
assert_contains "$out" "host's network namespace" "the host's netns is refused"

log "PASS"
