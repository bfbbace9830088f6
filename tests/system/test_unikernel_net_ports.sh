#!/usr/bin/env bash
# `podman run -p 18080:80` of a linux guest on podman's default network: the host reaches the
# guest's HTTP server on the published port, and on the container's own IP; the port is free
# again once the container is removed.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_net.sh"
net_require
require_cmd ss
PORT=${UCRUN_TEST_NET_PORT:-18080}
net_port_free "$PORT" || fail "TCP port $PORT is already in use on the host: $(ss -Htlnp "sport = :$PORT")"
net_tracker_image

# Serves a page naming PAGE_MARK (from the container's env) on port 80.
net_guest web sh -c '
mkdir -p /www && echo "hello from the guest $PAGE_MARK" >/www/index.html
echo "guest-serving"
exec httpd -f -p 80 -h /www'

guest=$(unique_name guest)
mark="mark-$$-$RANDOM"
net_run_guest "$guest" "$NET_GUEST" -d -p "$PORT:80" -e PAGE_MARK="$mark" >/dev/null ||
    fail "podman run -p $PORT:80 of the guest"
assert_contains "$(podman port "$guest")" "80/tcp -> 0.0.0.0:$PORT" "podman port"
net_wait_logs "$guest" "guest-serving"

url="http://127.0.0.1:$PORT/"
wait_quiet "$NET_BOOT_WAIT" curl -sf -m 5 "$url" ||
    fail "no HTTP reply on $url: $(curl -sS -m 5 "$url" 2>&1); guest logs:
$(podman logs "$guest" 2>&1 | tail -n 20)"
assert_eq "hello from the guest $mark" "$(curl -sS -m 10 "$url" 2>&1)" "page on the published port"
for i in 1 2 3 4 5; do # several connections, not just the first one
    assert_eq "hello from the guest $mark" "$(curl -sS -m 10 "$url" 2>&1)" "page on the published port (request $i)"
done

ip=$(podman inspect --format '{{.NetworkSettings.IPAddress}}' "$guest")
[[ -n $ip ]] || fail "no IP for $guest on the default network"
assert_eq "hello from the guest $mark" "$(curl -sS -m 10 "http://$ip:80/" 2>&1)" "page on the container's IP $ip"
assert_eq running "$(pm_status "$guest")" "the guest is still running"

id=$(uk_full_id "$guest")
podman rm -f -t 0 "$guest" >/dev/null || fail "podman rm -f $guest"
uk_assert_gone "$id"
wait_quiet 30 net_port_free "$PORT" || fail "port $PORT still in use after podman rm -f: $(ss -Htlnp "sport = :$PORT")"
log "PASS"
