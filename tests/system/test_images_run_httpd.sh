#!/usr/bin/env bash
# A unikernel made by `ucompose unikernel build` from busybox-static's httpd runs under
# `podman run -d --runtime ucrun` on a podman network: it answers HTTP on the container's IP from
# the host, with a page the guest wrote at boot from an env var set by `podman run -e` (which
# wins over the image's --env default), and on a published port (-p); `podman stop` asks the guest
# to stop (exit 143).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require

name=ucrun-test-httpd-$$
image=localhost/$name:latest
net=ucrun-test-net-$$
greeting="hello-from-podman-e-$$-$RANDOM"

log "build $image (OCI form only) from $BUSYBOX"
img_build "$name" --no-registry --image "$image" --env GREETING=image-default -- \
    sh -c "mkdir -p /www; echo \"greeting=\$GREETING\" >/www/index.html; exec $BUSYBOX httpd -f -p 80 -h /www"
podman image exists "$image" || fail "image $image was not created"

img_network "$net"
cname=$(unique_name web)
pm_rm_on_exit "$cname"
log "podman run -d --runtime $UCRUN_RUNTIME --network $net -e GREETING=$greeting"
pm run "${PODMAN_RUN_ARGS[@]}" -d --pull=never --name "$cname" --network "$net" -p 127.0.0.1::80 -e "GREETING=$greeting" "$image" \
    >/dev/null || fail "podman run -d of $image failed"
id=$(uk_full_id "$cname")
ip=$(img_ip "$cname" "$net")
assert_match "$ip" '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$' "container IP on $net"
[[ -n $(uk_qemu_pids "$id") ]] || fail "no QEMU for container ${id:0:12}: ucrun did not boot it as a VM"

log "GET http://$ip/ from the host"
wait_for 120 "HTTP from the guest at $ip:80" curl -sf -m 2 "http://$ip/"
page=$(curl -sf -m 10 "http://$ip/") || fail "GET http://$ip/ failed after it had answered"
assert_eq "greeting=$greeting" "$page" "the page the guest wrote from the container's env (podman run -e wins)"
hostport=$(podman port "$cname" 80/tcp)
assert_match "$hostport" '^127\.0\.0\.1:[0-9]+$' "podman port of 80/tcp"
log "GET http://$hostport/ (published port)"
page=$(curl -sf -m 10 "http://$hostport/") || fail "GET http://$hostport/ (published port) failed"
assert_eq "greeting=$greeting" "$page" "the page through the published port"
assert_eq running "$(pm_status "$cname")" "container status while serving"

log "podman stop: SIGTERM to httpd in the guest, exit 143"
podman stop -t 30 "$cname" >/dev/null || fail "podman stop failed"
assert_eq exited "$(pm_status "$cname")" "status after podman stop"
assert_eq 143 "$(img_exit_code "$cname")" "exit code after podman stop (guest contract: 128+SIGTERM)"
img_rm_check "$cname"
log "ok"
