#!/usr/bin/env bash
# podman run -d through ucrun, then logs, inspect, stop (SIGTERM honoured), start, kill, rm -f.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_podman_runtime
require_cmd jq
ensure_test_image
RUN=(pm run -d --pull=never "${PODMAN_RUN_ARGS[@]}")
TRAP_SCRIPT='trap "echo got-term; exit 3" TERM; echo started; while :; do sleep 0.1; done'
logs_have() { podman logs "$1" 2>&1 | grep -q -- "$2"; }
inspect() { podman inspect --format "$2" "$1"; }

name=$(unique_name main)
pm_rm_on_exit "$name"
id=$("${RUN[@]}" --name "$name" "$TEST_IMAGE" sh -c "$TRAP_SCRIPT")
assert_eq 0 "$?" "podman run -d"
assert_match "$id" '^[0-9a-f]{64}$' "podman run -d prints the id"
wait_for 30 "'started' in podman logs" logs_have "$name" started

log "inspect State of a running container"
assert_eq running "$(inspect "$name" '{{.State.Status}}')" "State.Status"
assert_eq true "$(inspect "$name" '{{.State.Running}}')" "State.Running"
pid=$(inspect "$name" '{{.State.Pid}}')
assert_match "$pid" '^[1-9][0-9]*$' "State.Pid"
assert_eq "$(basename "$UCRUN_RUNTIME")" "$(inspect "$name" '{{.OCIRuntime}}')" "OCIRuntime"
[[ -d /proc/$pid ]] || fail "State.Pid $pid is not a live process"
# Podman calls the runtime without --root, so ucrun's default root holds the container.
is_ucrun=false
[[ $(basename "$UCRUN_RUNTIME") == ucrun ]] && is_ucrun=true
if $is_ucrun; then
    st=$("$UCRUN_RUNTIME" state "$id" 2>&1)
    assert_eq 0 "$?" "ucrun state $id ($st)"
    assert_eq running "$(jq -r .status <<<"$st")" "status in ucrun's own state"
    assert_eq "$pid" "$(jq -r .pid <<<"$st")" "pid in ucrun's state = podman's State.Pid"
fi

log "stop sends SIGTERM, which the trap honours (exit 3, not 137)"
pm stop -t 60 "$name" >/dev/null
assert_eq 0 "$?" "podman stop"
assert_eq exited "$(inspect "$name" '{{.State.Status}}')" "State.Status after stop"
assert_eq 3 "$(inspect "$name" '{{.State.ExitCode}}')" "State.ExitCode after stop"
wait_for 10 "'got-term' in podman logs" logs_have "$name" got-term

log "start again, then kill -s KILL"
pm start "$name" >/dev/null
assert_eq 0 "$?" "podman start of a stopped container"
wait_for 30 "running again" pm_status_is "$name" running
pm kill -s KILL "$name" >/dev/null
assert_eq 0 "$?" "podman kill -s KILL"
wait_for 30 "exited after KILL" pm_status_is "$name" exited
assert_eq 137 "$(inspect "$name" '{{.State.ExitCode}}')" "State.ExitCode after KILL"

log "kill -s TERM by number reaches the trap"
pm start "$name" >/dev/null
wait_for 30 "running again" pm_status_is "$name" running
pm kill -s 15 "$name" >/dev/null
wait_for 30 "exited after kill -s 15" pm_status_is "$name" exited
assert_eq 3 "$(inspect "$name" '{{.State.ExitCode}}')" "State.ExitCode after kill -s 15"

log "restart"
pm restart -t 60 "$name" >/dev/null
assert_eq 0 "$?" "podman restart"
wait_for 30 "running after restart" pm_status_is "$name" running

log "rm -f of a running container"
pm rm -f -t 0 "$name" >/dev/null
assert_eq 0 "$?" "podman rm -f"
if podman container exists "$name"; then fail "$name still exists after rm -f"; fi
if $is_ucrun && "$UCRUN_RUNTIME" state "$id" >/dev/null 2>&1; then
    fail "ucrun still knows $id after podman rm -f"
fi
log "ok"
