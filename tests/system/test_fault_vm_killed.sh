#!/usr/bin/env bash
# Faults inside a running unikernel container: SIGKILL to its QEMU, then SIGKILL to its monitor
# (the container's pid 1). Each time the container exits with a non-zero code that podman shows,
# and `podman rm` leaves no QEMU, tap, ucrun record, derived bundle or conmon behind.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require

image=localhost/ucrun-test-fault-vm-$$:latest
img_build "ucrun-test-fault-vm-$$" --no-registry --image "$image" -- sh -c 'echo guest-up; exec sleep 100000'
net=ucrun-test-fault-net-$$
img_network "$net"

# victim WHAT: a running unikernel on $net whose guest has booted; sets NAME, ID, QEMU, MONITOR.
victim() {
    NAME=$(unique_name "$1")
    pm_rm_on_exit "$NAME"
    uk_run tcg -d --pull=never --name "$NAME" --network "$net" "$image" >/dev/null || fail "podman run $NAME"
    ID=$(uk_full_id "$NAME")
    wait_for 120 "the guest of $NAME booted" uk_logs_have "$NAME" guest-up
    QEMU=$(uk_qemu_pids "$ID")
    MONITOR=$(podman inspect --format '{{.State.Pid}}' "$NAME")
    [[ -n $QEMU && -n $MONITOR ]] || fail "no QEMU ($QEMU) or monitor ($MONITOR) for $NAME"
}

# after_kill: the container exited non-zero, podman rm cleans everything up.
after_kill() {
    wait_for 60 "$NAME exited" pm_status_is "$NAME" exited
    local code
    code=$(img_exit_code "$NAME")
    assert_match "$code" '^[1-9][0-9]*$' "exit code of $NAME after the kill (non-zero)"
    log "$NAME exited with $code"
    local sandbox conmon
    conmon=$(podman inspect --format '{{.State.ConmonPid}}' "$NAME")
    podman rm "$NAME" >/dev/null || fail "podman rm $NAME"
    uk_assert_gone "$ID"
    [[ -z $conmon || $conmon == 0 ]] || ! kill -0 "$conmon" 2>/dev/null || fail "conmon $conmon of $NAME still running"
    assert_eq "" "$(ip -o link show type tun | grep -F "uk" || true)" "taps on the host"
}

log "SIGKILL to QEMU"
victim qemu
kill -KILL $QEMU
after_kill

log "SIGKILL to the monitor (the container's pid 1)"
victim monitor
kill -KILL "$MONITOR"
after_kill
[[ -z $(pgrep -f "qemu-system-x86_64 -name ${ID:0:12} ") ]] || fail "QEMU survived its monitor"
log "ok"
