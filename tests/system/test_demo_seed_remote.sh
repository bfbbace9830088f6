#!/bin/bash
# The seed's file on a host that never built its unikernels: the three entries are built
# elsewhere (a scratch registry), pushed to an OCI registry (Debian's docker-registry on
# 127.0.0.1), and ucrun's config points at an empty local registry plus that remote one. Then
# `ucompose up -d` on samples/pubsub/unikernel-deploy.yaml (only the host port changed) pulls the
# three before it creates anything, a publish reaches the subscriber, and `down` leaves nothing.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_registry.sh"

demo_test_init remote
require_cmd jq docker-registry skopeo
TIMEOUT=300 # bound on waits: three TCG guests boot at once on two shared cores
reg_start
PREFIX=ucrun-test-seed-$$

tracker=localhost/ucompose/unikernel-tracker:latest
if ! podman image exists "$tracker"; then
    "$UCOMPOSE" build tracker >/dev/null || fail "ucompose build tracker failed"
    on_exit podman rmi "$tracker"
fi
log "building the seed's three unikernels elsewhere and pushing them to $REG_HOST/$PREFIX"
scratch=$DEMO_DIR/scratch-registry
for service in redis publisher subscriber; do
    name=${DEMO_REGISTRY_NAME[$service]}
    demo_build "$service" "$DEMO_DIR" --name "$name" --registry "$scratch" >/dev/null 2>&1 ||
        fail "building the $name unikernel failed"
    out=$("$UCOMPOSE" --no-ansi unikernel push "$name" "$REG_HOST/$PREFIX/$name" --tls-verify=false --registry "$scratch" 2>&1) ||
        fail "push $name: $out"
done
local_root=$DEMO_DIR/host-registry
mkdir -p "$local_root"
reg_set_remote "$PREFIX" "$local_root"

DEMO_FILE=$DEMO_DIR/unikernel-deploy.yaml
sed "s/\"8080:8080\"/\"$DEMO_PORT:8080\"/" "$DEMO_SOURCE_DIR/unikernel-deploy.yaml" >"$DEMO_FILE"
grep -q "\"$DEMO_PORT:8080\"" "$DEMO_FILE" || fail "the seed file no longer publishes \"8080:8080\""
uc() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$DEMO_FILE" "$@"; }
demo_test_cleanup_project
on_exit_eval "'$UCOMPOSE' -p '$PROJECT' -f '$DEMO_FILE' down -t 0"

log "up -d on a host whose local registry is empty"
out=$(uc up -d 2>&1) || fail "up -d failed: $out"
for service in redis publisher subscriber; do
    name=${DEMO_REGISTRY_NAME[$service]}
    assert_contains "$out" "Unikernel $name  Pulled" "up pulled $name"
    [[ -f $local_root/$name/manifest.json ]] || fail "$name is not in the local registry after up"
done
first_create=$(grep -n "Container ${PROJECT}_.*  Creating" <<<"$out" | head -1 | cut -d: -f1)
last_pull=$(grep -n "Unikernel .*  Pulled" <<<"$out" | tail -1 | cut -d: -f1)
[[ -n $first_create && $last_pull -lt $first_create ]] || fail "every pull must come before the first create: $out"
demo_record "$PROJECT"

demo_publish "$PROJECT" "$DEMO_PORT" "$TIMEOUT"
assert_match "$DEMO_REPLY" '^json data successfully published to message queue from [a-z0-9-]+$' "the publisher's answer"
demo_wait_received "$PROJECT" 60 || fail "the subscriber did not print the payload: $(podman logs "${PROJECT}_subscriber_1" 2>&1 | tail -5)"

log "down"
assert_rc 0 "down" uc down
demo_assert_gone "$PROJECT"
log "PASS"
