#!/bin/bash
# The seed demo through ucompose's podman-compose compatibility mode (`ucompose compat`):
#   - a missing unikernel for a SERVICE_NAME: `up` (invoked through a symlink named
#     podman-compose) fails, naming the service and the unikernel; nothing is left running;
#   - the seed's file (samples/pubsub/unikernel-deploy.yaml, only the host port changed) with
#     --podman-run-args="--runtime=ucrun": redis first (depends-on read as depends_on), each
#     container runs its QEMU with a tap, a publish reaches the subscriber, `logs subscriber`
#     shows it;
#   - ps --format/-q (passed to podman), config --services, port answer as podman-compose's do;
#   - redis down: the publisher answers 503 and keeps running; redis back: publishing works again;
#   - `down`: no QEMU process, tap, container or network of the project remains.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"

demo_test_init compat
demo_test_seed_setup
TIMEOUT=300 # bound on waits: three TCG guests boot at once on two shared cores

compat() { "$UCOMPOSE" compat --no-ansi -p "$PROJECT" -f "$DEMO_FILE" "$@"; }

# ---- a missing unikernel ------------------------------------------------------------------
ghost=ucrun-test-no-such-unikernel-$$
mkdir -p "$DEMO_DIR/ghost" "$DEMO_DIR/bin"
cat >"$DEMO_DIR/ghost/compose.yaml" <<EOF
services:
  ghost:
    image: "localhost/ucompose/unikernel-tracker:latest"
    environment:
      SERVICE_NAME: "$ghost"
EOF
ln -s "$UCOMPOSE" "$DEMO_DIR/bin/podman-compose"
GPROJECT=$PROJECT-ghost
on_exit_eval "podman network rm -f '${GPROJECT}_default'"
on_exit_eval "podman ps -aq --filter 'label=com.docker.compose.project=$GPROJECT' | xargs -r podman rm -f -t 0"
pc_ghost() { "$DEMO_DIR/bin/podman-compose" -p "$GPROJECT" -f "$DEMO_DIR/ghost/compose.yaml" "$@"; }
log "missing unikernel: up must fail and name it"
out=$(pc_ghost --podman-run-args="--runtime=$UCRUN_RUNTIME" up -d 2>&1)
rc=$?
assert_ne 0 "$rc" "up with a missing unikernel: exit status (output: $out)"
assert_contains "$out" "service \"ghost\"" "up names the failing service"
assert_contains "$out" "unknown unikernel \"$ghost\"" "up names the missing unikernel"
[[ -z $(podman ps -q --filter "label=com.docker.compose.project=$GPROJECT") ]] ||
    fail "a container of $GPROJECT runs although its unikernel is missing"
assert_rc 0 "down after the failed up" pc_ghost down
[[ -z $(podman ps -aq --filter "label=com.docker.compose.project=$GPROJECT") ]] || fail "down left containers of $GPROJECT"
podman network exists "${GPROJECT}_default" && fail "down left the network ${GPROJECT}_default"

# ---- the seed's file -----------------------------------------------------------------------
demo_test_cleanup_project
on_exit_eval "'$UCOMPOSE' compat -p '$PROJECT' -f '$DEMO_FILE' down"
log "up -d (project $PROJECT, publisher on 127.0.0.1:$DEMO_PORT)"
out=$(compat --podman-run-args="--runtime=$UCRUN_RUNTIME" up -d 2>&1) || fail "up -d failed: $out"
assert_contains "$out" "'depends-on' is not a compose key, read as 'depends_on'" "the seed's depends-on is read, with a warning"
# depends-on honoured: redis-mq is started before the two others are.
redis_started=$(grep -n "${PROJECT}_redis-mq_1  Started" <<<"$out" | cut -d: -f1)
pub_starting=$(grep -n "${PROJECT}_publisher_1  Starting" <<<"$out" | cut -d: -f1)
[[ -n $redis_started && -n $pub_starting && $redis_started -lt $pub_starting ]] ||
    fail "redis-mq must be started before the publisher starts: $out"
demo_record "$PROJECT"

# ---- podman-compose's inspection commands --------------------------------------------------
names=$(compat ps --format '{{.Names}}' | sort | tr '\n' ' ')
assert_eq "${PROJECT}_publisher_1 ${PROJECT}_redis-mq_1 ${PROJECT}_subscriber_1 " "$names" "compat ps --format '{{.Names}}' passes the template to podman"
ids=$(compat ps -q | wc -l)
assert_eq 3 "$ids" "compat ps -q: one ID per container"
assert_eq "publisher redis-mq subscriber " "$(compat config --services | sort | tr '\n' ' ')" "compat config --services"
assert_contains "$(compat config)" "depends_on:" "compat config prints the normalized model (depends-on read as depends_on)"
assert_contains "$(compat port publisher 8080)" ":$DEMO_PORT" "compat port publisher 8080"
out=$(compat port publisher 9999 2>&1) && fail "compat port of an unpublished port must fail: $out"

demo_publish "$PROJECT" "$DEMO_PORT" "$TIMEOUT"
assert_match "$DEMO_REPLY" '^json data successfully published to message queue from [a-z0-9-]+$' "the publisher's answer"
demo_wait_received "$PROJECT" 60 || fail "the subscriber did not print the payload: $(podman logs "${PROJECT}_subscriber_1" 2>&1 | tail -5)"
logs=$(compat logs subscriber 2>/dev/null)
assert_contains "$logs" "received on messages: $(cat "$DEMO_PAYLOAD")" "compat logs subscriber shows the payload"

# ---- redis down: 503, the publisher survives; redis back: publishing works again -----------
log "redis down"
assert_rc 0 "compat stop redis-mq" compat stop redis-mq
reply=$(demo_http POST "$DEMO_PORT" -d "@$DEMO_PAYLOAD")
assert_eq 503 "${reply%% *}" "publish while redis is down: status (reply: $reply)"
assert_contains "$reply" "message queue unavailable" "publish while redis is down: message"
assert_eq running "$(pm_status "${PROJECT}_publisher_1")" "the publisher keeps running after a 503"
assert_contains "$(demo_http GET "$DEMO_PORT")" "405" "the publisher still answers after a 503"
log "redis back"
assert_rc 0 "compat start redis-mq" compat start redis-mq
demo_publish "$PROJECT" "$DEMO_PORT" "$TIMEOUT"
demo_wait 60 demo_received_at_least "$PROJECT" 2 ||
    fail "the subscriber did not get the payload after redis came back: $(podman logs "${PROJECT}_subscriber_1" 2>&1 | tail -5)"

# ---- down ----------------------------------------------------------------------------------
log "down"
assert_rc 0 "compat down" compat down
demo_assert_gone "$PROJECT"
log "PASS"
