#!/usr/bin/env bash
# A Kubernetes pod as kubelet asks containerd's CRI plugin for one, with every container going
# through ucrun (RuntimeClass ucrun): a CNI network namespace, a sandbox task that owns it, then
# a unikernel app container and an ordinary sidecar that join it, all with the CRI annotations.
#  - the sandbox stays an ordinary container even with SERVICE_NAME of a real unikernel in its env;
#  - the unikernel takes the pod's IP: the host reaches the guest's HTTP server on it; it joins
#    the sandbox's UTS namespace as kubelet's containers do, and the guest gets its hostname;
#  - the sidecar runs in the pod's netns (eth0 carries the pod IP, its own loopback works);
#  - ctr task metrics reports the VM's cgroup; pause/resume freeze and thaw the guest;
#  - ctr task exec into the unikernel fails with a clear error; a second unikernel in the pod is
#    refused with a clear error and leaves nothing;
#  - ctr task kill (SIGTERM) powers the guest down and its exit code (143) comes back;
#  - afterwards no shim, QEMU, tap, netns or ucrun record is left.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_containerd.sh"
ctd_require
img_require
ensure_test_image

entry=ucrun-test-ctd-web-$$
image=localhost/$entry:latest
log "build $image (and registry entry $entry) from $BUSYBOX"
img_build "$entry" --image "$image" -- \
    sh -c "mkdir -p /www; echo \"pod-page \$(hostname)\" >/www/index.html; exec $BUSYBOX httpd -f -p 80 -h /www"

ctd_start
ctd_import "$TEST_IMAGE"
ctd_import "$image"
ctd_pod web
log "pod network: $POD_NETNS, pod IP $POD_IP"

sb=sb-pod-$$ uk=uk-pod-$$ sc=sc-pod-$$
cri_sandbox=(--annotation io.kubernetes.cri.container-type=sandbox --annotation "io.kubernetes.cri.sandbox-id=$sb")
cri_container=(--annotation io.kubernetes.cri.container-type=container --annotation "io.kubernetes.cri.sandbox-id=$sb")

log "sandbox $sb (busybox as pause; SERVICE_NAME=$entry in its env must not make it a VM)"
ctd_run -d --with-ns "network:$POD_NETNS" "${cri_sandbox[@]}" --env "SERVICE_NAME=$entry" \
    "$TEST_IMAGE" "$sb" sleep 100000 >/dev/null || fail "ctr run of the sandbox failed"
wait_for 30 "sandbox task running" ctd_task_is "$sb" RUNNING
[[ -z $(uk_qemu_pids "$sb") ]] || fail "the sandbox was booted as a VM"
sbpid=$(ctd_task_pid "$sb")
podns=network:/proc/$sbpid/ns/net
# kubelet names the sandbox's UTS namespace after the pod; the app containers join it.
podhost=web-$$
nsenter --uts="/proc/$sbpid/ns/uts" hostname "$podhost" || fail "set the pod's hostname"

log "unikernel $uk joins the pod's netns"
# In the foreground, in the background: ctr run waits on the task and exits with its code.
ctd_run --with-ns "$podns" --with-ns "uts:/proc/$sbpid/ns/uts" "${cri_container[@]}" "$image" "$uk" </dev/null >"$CTD_DIR/$uk.out" 2>&1 &
ukrun=$!
wait_for 60 "unikernel task running" ctd_task_is "$uk" RUNNING
[[ -n $(uk_qemu_pids "$uk") ]] || fail "no QEMU for $uk: ucrun did not boot it as a VM"
log "GET http://$POD_IP/ from the host"
wait_for 180 "HTTP from the guest on the pod IP $POD_IP" curl -sf -m 2 "http://$POD_IP/"
page=$(curl -sf -m 10 "http://$POD_IP/") || fail "GET http://$POD_IP/ failed after it had answered"
assert_eq "pod-page $podhost" "$page" "the guest's page on the pod IP, with the pod's hostname"

log "ordinary sidecar $sc joins the pod"
ctd_run -d --with-ns "$podns" "${cri_container[@]}" "$TEST_IMAGE" "$sc" httpd -f -p 127.0.0.1:8081 -h /etc \
    >/dev/null || fail "ctr run of the sidecar failed"
wait_for 30 "sidecar running" ctd_task_is "$sc" RUNNING
[[ -z $(uk_qemu_pids "$sc") ]] || fail "the sidecar was booted as a VM"
out=$(ctd task exec --exec-id probe-$$ "$sc" ip -4 -o addr show dev eth0 2>&1) || fail "exec into the sidecar: $out"
assert_contains "$out" "$POD_IP/" "the sidecar sees the pod IP on eth0"
out=$(ctd task exec --exec-id lo-$$ "$sc" wget -qO- http://127.0.0.1:8081/passwd 2>&1) || fail "sidecar loopback: $out"
assert_contains "$out" "root:x:0:0" "the sidecar's own server on the pod's loopback"

log "ctr task metrics of the unikernel: the VM's cgroup"
metrics=$(ctd task metrics --format json "$uk" 2>&1) || fail "ctr task metrics: $metrics"
usage=$(jq -r '(.memory.usage.usage // .memory.usage // 0) | tostring' <<<"$metrics" 2>/dev/null)
[[ $usage =~ ^[0-9]+$ ]] || fail "no memory usage in the metrics: $metrics"
((usage > 16 * 1024 * 1024)) || fail "memory usage $usage bytes is too small for a QEMU guest: not the VM's cgroup"
log "metrics: memory usage $((usage / 1024 / 1024)) MiB"

log "ctr task pause/resume"
ctd task pause "$uk" || fail "ctr task pause"
assert_eq PAUSED "$(ctd_task_status "$uk")" "status after pause"
curl -sf -m 3 "http://$POD_IP/" >/dev/null && fail "the paused guest still answered HTTP"
ctd task resume "$uk" || fail "ctr task resume"
assert_eq RUNNING "$(ctd_task_status "$uk")" "status after resume"
wait_for 60 "HTTP after resume" curl -sf -m 2 "http://$POD_IP/"

log "ctr task exec into the unikernel is refused"
out=$(ctd task exec --exec-id sh-$$ "$uk" sh -c true 2>&1)
rc=$?
assert_ne 0 "$rc" "exit code of exec into a unikernel"
assert_contains "$out" "it is a unikernel, and the VM has no process to exec into" "exec refusal"

uk2=uk2-pod-$$
log "a second unikernel $uk2 in the same pod is refused"
out=$(ctd_run -d --with-ns "$podns" "${cri_container[@]}" "$image" "$uk2" 2>&1)
rc=$?
assert_ne 0 "$rc" "exit code of ctr run of a second unikernel in the pod"
assert_contains "$out" "only one unikernel per network namespace" "the error says why"
assert_contains "$out" "$uk2" "the error names the container"
ctd container delete "$uk2" >/dev/null 2>&1
[[ -z $(uk_qemu_pids "$uk2") ]] || fail "QEMU of the refused $uk2 is running"
[[ ! -e $CTD_RUNC_ROOT/$CTD_NS/containers/$uk2 ]] || fail "ucrun record of the refused $uk2 left"
curl -sf -m 10 "http://$POD_IP/" >/dev/null || fail "the first guest stopped answering after the refused second one"

log "ctr task kill (SIGTERM): the guest powers down with 143"
ctd task kill "$uk" || fail "ctr task kill"
wait "$ukrun"
rc=$?
assert_eq 143 "$rc" "exit code of the guest (ctr run's wait on the task)"
assert_eq "" "$(ctd_task_status "$uk")" "task after the guest powered down (ctr run deletes it)"
[[ -z $(uk_qemu_pids "$uk") ]] || fail "QEMU left after the task was deleted"
taps=$(ip netns exec "${POD_NETNS##*/}" ip -o link show type tun 2>&1)
assert_eq "" "$taps" "taps left in the pod's netns"
ctd container delete "$uk" || fail "ctr container delete $uk"

ctd_remove "$sc" "$sb"
ctd_assert_clean
log "ok"
