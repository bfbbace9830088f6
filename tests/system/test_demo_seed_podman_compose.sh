#!/bin/bash
# The seed demo with the REAL podman-compose (Debian's /usr/bin/podman-compose 1.0.3), the way the
# seed runs it: --podman-run-args="--runtime=ucrun". ucrun must serve the real tool too.
#   - a missing unikernel for a SERVICE_NAME: podman's error (from ucrun) names it, and no
#     container of it runs (podman-compose 1.0.3 itself still exits 0: its flaw, not ours);
#   - the seed's file (samples/pubsub/unikernel-deploy.yaml, only the host port changed):
#     three tracker containers, each running its QEMU with a tap; a publish reaches the
#     subscriber; `podman-compose logs subscriber` shows it; non-JSON gets 400;
#   - `down`: no QEMU process, tap or container of the project remains. podman-compose 1.0.3's
#     `down` leaves the project network behind; the test removes it, then checks it is gone.
# podman-compose 1.0.3 ignores the seed's hyphenated `depends-on`; it starts services one by
# one in file order, so redis-mq still comes first, and the publisher/subscriber retry anyway.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"

PODMAN_COMPOSE=/usr/bin/podman-compose
[[ -x $PODMAN_COMPOSE ]] || fail "$PODMAN_COMPOSE missing (Debian package podman-compose)"
demo_test_init podman-compose
demo_test_seed_setup
TIMEOUT=300

pc() { "$PODMAN_COMPOSE" -p "$PROJECT" -f "$DEMO_FILE" "$@"; }
version=$("$PODMAN_COMPOSE" version 2>&1)
assert_contains "$version" "podman-composer version  1.0.3" "the real podman-compose 1.0.3"

# ---- a missing unikernel ------------------------------------------------------------------
ghost=ucrun-test-no-such-unikernel-$$
mkdir -p "$DEMO_DIR/ghost"
cat >"$DEMO_DIR/ghost/compose.yaml" <<EOF
services:
  ghost:
    image: "localhost/ucompose/unikernel-tracker:latest"
    environment:
      SERVICE_NAME: "$ghost"
EOF
GPROJECT=$PROJECT-ghost
on_exit_eval "podman network rm -f '${GPROJECT}_default'"
on_exit_eval "podman ps -aq --filter 'label=com.docker.compose.project=$GPROJECT' | xargs -r podman rm -f -t 0"
log "missing unikernel"
out=$("$PODMAN_COMPOSE" -p "$GPROJECT" -f "$DEMO_DIR/ghost/compose.yaml" --podman-run-args="--runtime=$UCRUN_RUNTIME" up -d 2>&1)
assert_contains "$out" "unknown unikernel \"$ghost\"" "podman's error (from ucrun) names the missing unikernel"
[[ -z $(podman ps -q --filter "label=com.docker.compose.project=$GPROJECT") ]] ||
    fail "a container of $GPROJECT runs although its unikernel is missing"
"$PODMAN_COMPOSE" -p "$GPROJECT" -f "$DEMO_DIR/ghost/compose.yaml" down >/dev/null 2>&1
podman network rm -f "${GPROJECT}_default" >/dev/null 2>&1
[[ -z $(podman ps -aq --filter "label=com.docker.compose.project=$GPROJECT") ]] || fail "down left containers of $GPROJECT"

# ---- the seed's file -----------------------------------------------------------------------
demo_test_cleanup_project
on_exit_eval "'$PODMAN_COMPOSE' -p '$PROJECT' -f '$DEMO_FILE' down"
log "up -d (project $PROJECT, publisher on 127.0.0.1:$DEMO_PORT)"
out=$(pc --podman-run-args="--runtime=$UCRUN_RUNTIME" up -d 2>&1)
assert_contains "$out" "podman run --runtime=$UCRUN_RUNTIME --name=${PROJECT}_redis-mq_1" "podman-compose passes --runtime to podman run"
for s in redis-mq publisher subscriber; do
    assert_eq running "$(pm_status "${PROJECT}_${s}_1")" "${PROJECT}_${s}_1 after up -d (output: $out)"
done
demo_record "$PROJECT"

demo_publish "$PROJECT" "$DEMO_PORT" "$TIMEOUT"
assert_match "$DEMO_REPLY" '^json data successfully published to message queue from [a-z0-9-]+$' "the publisher's answer"
demo_wait_received "$PROJECT" 60 || fail "the subscriber did not print the payload: $(podman logs "${PROJECT}_subscriber_1" 2>&1 | tail -5)"
logs=$(pc logs subscriber 2>/dev/null)
assert_contains "$logs" "received on messages: $(cat "$DEMO_PAYLOAD")" "podman-compose logs subscriber shows the payload"

log "non-JSON"
demo_check_bad_json
assert_eq 1 "$(demo_count_received "$PROJECT")" "the subscriber got nothing for the non-JSON body"

# ---- down ----------------------------------------------------------------------------------
log "down"
assert_rc 0 "podman-compose down" pc down
# podman-compose 1.0.3 leaves the project network: remove it as its users have to.
podman network rm -f "${PROJECT}_default" >/dev/null 2>&1
demo_assert_gone "$PROJECT"
log "PASS"
