#!/usr/bin/env bash
# pause/unpause and exec through ucrun.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_podman_runtime
ensure_test_image
name=$(unique_name c)
pm_rm_on_exit "$name"
pm run -d --pull=never "${PODMAN_RUN_ARGS[@]}" --name "$name" "$TEST_IMAGE" \
    sh -c 'echo started; while :; do sleep 0.1; done' >/dev/null || fail "podman run -d"
wait_for 30 "running" pm_status_is "$name" running

log "pause / unpause"
pm pause "$name" >/dev/null
assert_eq 0 "$?" "podman pause"
assert_eq paused "$(pm_status "$name")" "State.Status after pause"
pm unpause "$name" >/dev/null
assert_eq 0 "$?" "podman unpause"
assert_eq running "$(pm_status "$name")" "State.Status after unpause"

log "exec: output and exit code"
out=$(pm exec "$name" sh -c 'echo in-exec; exit 7')
assert_eq 7 "$?" "exit code of podman exec"
assert_eq in-exec "$out" "output of podman exec"

log "exec: env, workdir, user"
out=$(pm exec -e FOO=bar -w /tmp --user 1000:1000 "$name" sh -c 'echo "$FOO $(pwd) $(id -u):$(id -g)"')
assert_eq 0 "$?" "exit code of podman exec with options"
assert_eq "bar /tmp 1000:1000" "$out" "env, cwd and user of the exec"

log "exec: stdin with -i"
out=$(printf 'a\nb\nc\n' | pm exec -i "$name" wc -l)
assert_eq 3 "$(echo $out)" "stdin reached the exec"

log "exec -d"
pm exec -d "$name" sh -c 'echo detached > /tmp/marker' >/dev/null
assert_eq 0 "$?" "podman exec -d"
wait_for 30 "detached exec wrote its marker" pm exec "$name" test -s /tmp/marker

log "exec of a missing command"
pm exec "$name" /no/such/command 2>/dev/null
rc=$?
assert_eq 127 "$rc" "exit code of exec of a missing command"

log "exec in a paused container is refused"
pm pause "$name" >/dev/null
if pm exec "$name" true 2>/dev/null; then fail "exec succeeded in a paused container"; fi
pm unpause "$name" >/dev/null
assert_eq running "$(pm_status "$name")" "State.Status after the second unpause"
log "ok"
