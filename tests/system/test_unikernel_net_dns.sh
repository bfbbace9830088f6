#!/usr/bin/env bash
# Service discovery both ways on a `podman network create`d network (aardvark DNS), with one
# booted linux guest (busybox httpd in the guest) and one busybox container (httpd on 8000):
#   - the guest resolves the busybox container by name and gets its HTTP page (guest console);
#   - a busybox container reaches the guest by its container name, by its --network-alias and by
#     <name>.dns.podman, and gets the guest's HTTP page;
#   - the name resolves to the container's IP, which the guest itself has on eth0.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
net_tracker_image

# The guest's app: look up and fetch the peer (named in PEER by the container's env), report on
# the console, then serve a page naming GUEST_MARK on port 80. (Never `wget -T`: Debian's
# busybox 1.35 wget segfaults with it, on the host too; busybox `timeout` bounds it instead.)
net_guest web sh -c '
mkdir -p /www && echo "hello from the guest $GUEST_MARK" >/www/index.html
echo "guest-addr: $(ip -4 -o addr show dev eth0)"
nslookup "$PEER" 2>&1 | sed "s/^/guest-nslookup: /"
n=0
until body=$(timeout 10 wget -q -O - "http://$PEER:8000/" 2>&1); do
    n=$((n + 1)); [ $n -ge 60 ] && break; sleep 1
done
echo "guest-peer-http: $body"
echo "guest-serving"
exec httpd -f -p 80 -h /www'
entry=$NET_GUEST

net_network dns
net=$NET_NETWORK
[[ $(podman network inspect --format '{{.DNSEnabled}}' "$net") == true ]] ||
    fail "network $net has DNS disabled (netavark + aardvark-dns are needed)"

# The peer: a busybox container serving a page on 8000 (through ucrun's passthrough to crun).
peer=$(unique_name peer)
pm_rm_on_exit "$peer"
pm run "${PODMAN_RUN_ARGS[@]}" -d --name "$peer" --network "$net" "$TEST_IMAGE" sh -c \
    "mkdir -p /www && echo 'hello from the peer $$' >/www/index.html && exec httpd -f -p 8000 -h /www" \
    >/dev/null || fail "podman run of the peer $peer"
peer_ip=$(podman inspect --format "{{(index .NetworkSettings.Networks \"$net\").IPAddress}}" "$peer")
[[ -n $peer_ip ]] || fail "no IP for $peer on $net"

guest=$(unique_name guest)
alias_name=$(unique_name alias)
mark="mark-$$-$RANDOM"
net_run_guest "$guest" "$entry" -d --network "$net" --network-alias "$alias_name" \
    -e PEER="$peer" -e GUEST_MARK="$mark" >/dev/null || fail "podman run of the guest $guest"
guest_ip=$(podman inspect --format "{{(index .NetworkSettings.Networks \"$net\").IPAddress}}" "$guest")
[[ -n $guest_ip ]] || fail "no IP for $guest on $net"
log "guest $guest at $guest_ip, peer $peer at $peer_ip, network $net"

net_wait_logs "$guest" "guest-serving"
logs=$(podman logs "$guest" 2>&1)
assert_contains "$logs" "inet $guest_ip/" "the guest has the container's IP on eth0"
assert_match "$logs" "guest-nslookup: Address:? *(1: )?$(net_re "$peer_ip")" "the guest resolves $peer to $peer_ip"
assert_contains "$logs" "guest-peer-http: hello from the peer $$" "the guest fetched the peer's page by name"

# A busybox container on the same network fetches the guest's page. The first request may come
# before httpd has bound its port (the console line is printed just before it starts).
client() { # URL: fetch from a fresh busybox container on $net
    pm run "${PODMAN_RUN_ARGS[@]}" --rm --network "$net" "$TEST_IMAGE" timeout 20 wget -q -O - "$1" 2>&1
}
wait_quiet "$NET_BOOT_WAIT" client "http://$guest/" ||
    fail "no HTTP reply from http://$guest/ (last: $(client "http://$guest/"))"
assert_eq "hello from the guest $mark" "$(client "http://$guest/")" "page fetched by container name"
assert_eq "hello from the guest $mark" "$(client "http://$alias_name/")" "page fetched by --network-alias"
assert_eq "hello from the guest $mark" "$(client "http://$guest.dns.podman/")" "page fetched by <name>.dns.podman"

lookup=$(pm run "${PODMAN_RUN_ARGS[@]}" --rm --network "$net" "$TEST_IMAGE" nslookup "$guest" 2>&1)
assert_match "$lookup" "Address:? *(1: )?$(net_re "$guest_ip")" "aardvark resolves $guest to the container's IP"
lookup=$(pm run "${PODMAN_RUN_ARGS[@]}" --rm --network "$net" "$TEST_IMAGE" nslookup "$alias_name" 2>&1)
assert_match "$lookup" "Address:? *(1: )?$(net_re "$guest_ip")" "aardvark resolves the alias to the container's IP"

# Still the same guest (not restarted) answering.
assert_eq running "$(pm_status "$guest")" "the guest is still running"
log "PASS"
