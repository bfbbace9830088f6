#!/bin/bash
# The demo the native way: `ucompose -f samples/pubsub/compose.yaml up -d` with the three
# unikernels as OCI images (made by `ucompose unikernel build --image --no-registry`, tagged
# localhost/ucrun-test-pubsub-*-<pid> and removed at exit; the test's copy of compose.yaml
# differs from the sample only by those image names and the publisher's host port).
#   - depends_on service_healthy through the x-ucompose TCP probe: redis-mq is Healthy before
#     the publisher and the subscriber start;
#   - each container runs its QEMU with a tap; the publisher reaches redis by its service name;
#     a publish reaches the subscriber and `ucompose logs subscriber` shows it; non-JSON gets 400;
#   - `down`: no QEMU process, tap, container or network of the project remains.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"

demo_test_init native
TIMEOUT=300

# ---- the images ----------------------------------------------------------------------------
demo_image_file pubsub "s/\"8080:8080\"/\"$DEMO_PORT:8080\"/"

uc() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$DEMO_FILE" "$@"; }

# ---- up ------------------------------------------------------------------------------------
demo_test_cleanup_project
on_exit_eval "'$UCOMPOSE' -p '$PROJECT' -f '$DEMO_FILE' down -t 0"
log "up -d (project $PROJECT, publisher on 127.0.0.1:$DEMO_PORT)"
out=$(uc up -d 2>&1) || fail "up -d failed: $out"
healthy=$(grep -n "${PROJECT}_redis-mq_1  Healthy" <<<"$out" | cut -d: -f1)
[[ -n $healthy ]] || fail "up did not report redis-mq Healthy: $out"
for s in publisher subscriber; do
    starting=$(grep -n "${PROJECT}_${s}_1  Starting" <<<"$out" | cut -d: -f1)
    [[ -n $starting && $healthy -lt $starting ]] || fail "$s must start after redis-mq is Healthy: $out"
done
demo_record "$PROJECT"

demo_publish "$PROJECT" "$DEMO_PORT" "$TIMEOUT"
assert_match "$DEMO_REPLY" '^json data successfully published to message queue from [a-z0-9-]+$' "the publisher's answer"
demo_wait_received "$PROJECT" 60 || fail "the subscriber did not print the payload: $(podman logs "${PROJECT}_subscriber_1" 2>&1 | tail -5)"
logs=$(uc logs subscriber 2>/dev/null)
assert_contains "$logs" "received on messages: $(cat "$DEMO_PAYLOAD")" "ucompose logs subscriber shows the payload"

log "non-JSON"
demo_check_bad_json
assert_eq 1 "$(demo_count_received "$PROJECT")" "the subscriber got nothing for the non-JSON body"

# ---- down ----------------------------------------------------------------------------------
log "down"
assert_rc 0 "ucompose down" uc down
demo_assert_gone "$PROJECT"
log "PASS"
