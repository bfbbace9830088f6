#!/usr/bin/env bash
# ucrun SIGKILLed in the middle of a unikernel's create, at each step (after the record, after
# the tap, after the delegate created the container; the io.ucrun.debug.stop-at annotation makes
# ucrun stop there so that the kill lands exactly). Each time `podman run` fails, `podman rm -f`
# removes everything (no QEMU, tap, netns, ucrun record, delegate state or conmon), and the next
# create of the same name works and boots.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require

# Fault points are a key of root's ucrun config, never of an annotation alone (docs/security.md):
# this test runs ucrun through a wrapper whose config is the installed one plus
# "debug_fault_points": true. Named ucrun, so that podman treats it as ucrun (JSON logs).
ucrun_bin=$(command -v "$UCRUN_RUNTIME") || fail "$UCRUN_RUNTIME not found"
mkdir -p "$IMG_TMP/bin"
{ sed 's/^{/{ "debug_fault_points": true,/' /etc/ucrun/ucrun.json 2>/dev/null || echo '{"debug_fault_points": true}'; } \
    >"$IMG_TMP/ucrun.json"
grep -q '"debug_fault_points": true' "$IMG_TMP/ucrun.json" || fail "could not write the fault-point config"
printf '#!/bin/sh\nUCRUN_CONFIG=%q exec %q "$@"\n' "$IMG_TMP/ucrun.json" "$ucrun_bin" >"$IMG_TMP/bin/ucrun"
chmod 0755 "$IMG_TMP/bin/ucrun"
UCRUN_RUNTIME=$IMG_TMP/bin/ucrun

image=localhost/ucrun-test-fault-ck-$$:latest
img_build "ucrun-test-fault-ck-$$" --no-registry --image "$image" -- sh -c 'echo guest-up; exec sleep 100000'
net=ucrun-test-fault-ck-net-$$
img_network "$net"

# stopped_ucrun: the pid of a ucrun create that stopped itself at a fault point.
stopped_ucrun() { ps -eo pid=,stat=,args= | awk '$2 ~ /^T/ && $3 ~ /ucrun$/ && / create / { print $1; exit }'; }
has_stopped_ucrun() { [[ -n $(stopped_ucrun) ]]; }
runner_done() { ! kill -0 "$1" 2>/dev/null; }

for step in record tap delegate; do
    name=$(unique_name "$step")
    pm_rm_on_exit "$name"
    log "SIGKILL to ucrun create after: $step"
    uk_run tcg -d --pull=never --name "$name" --network "$net" --annotation "io.ucrun.debug.stop-at=$step" "$image" \
        >"$IMG_TMP/$step.out" 2>&1 &
    runner=$!
    wait_for 60 "ucrun create stopped at $step" has_stopped_ucrun
    kill -KILL "$(stopped_ucrun)"
    # After the delegate created the container, conmon does not report the runtime's death and
    # podman waits for its own 240 s create timeout ("container creation timeout"): that wait is
    # podman's, not ucrun's, so the test ends the podman client after 30 s and goes on to the
    # cleanup, which is what is under test (docs/faults.md).
    if wait_quiet 30 runner_done "$runner"; then
        wait "$runner"
        rc=$?
        assert_ne 0 "$rc" "podman run after ucrun was killed at $step"
        log "podman run said: $(tr -d '\0' <"$IMG_TMP/$step.out" | tail -n1)"
    else
        log "podman run still waits for conmon after 30 s (podman's create timeout is 240 s): ending it"
        kill -KILL "$runner" 2>/dev/null
        wait "$runner" 2>/dev/null
    fi
    id=$(uk_full_id "$name")
    [[ -n $id ]] || fail "podman has no container $name after the failed run"
    netns=$(podman inspect --format '{{.NetworkSettings.SandboxKey}}' "$name")
    podman rm -f -t 0 "$name" >/dev/null || fail "podman rm -f $name after the kill at $step"
    uk_assert_gone "$id"
    assert_eq "" "$(ip -o link show type tun)" "taps on the host after the kill at $step"
    [[ -z $netns || ! -e $netns ]] || fail "network namespace $netns of $name left after rm"
    [[ -z $(pgrep -f "conmon .*-c $id") ]] || fail "conmon of $name left after rm"

    log "the same name again, without the fault"
    uk_run tcg -d --pull=never --name "$name" --network "$net" "$image" >/dev/null || fail "podman run $name again"
    wait_for 120 "the guest of $name booted" uk_logs_have "$name" guest-up
    id=$(uk_full_id "$name")
    podman rm -f -t 0 "$name" >/dev/null || fail "podman rm -f $name"
    uk_assert_gone "$id"
done
log "ok"
