#!/usr/bin/env bash
# Podman failing under ucompose:
#  - podman missing from PATH: `up` exits non-zero with a clear error and creates nothing;
#  - podman failing in the middle of `up` (a wrapper first in PATH refuses one create with exit
#    125 and a message): `up` exits 1 with podman's message naming the service, and leaves what
#    docker compose leaves: docker compose creates every container before it starts any, so the
#    dependency created before the failure stays created (not started), and nothing that needs
#    the failed service is created; `down` then removes everything.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project podfail
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  first:
    image: $TEST_IMAGE
    command: $IDLE_CMD
  second:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: [first]
  third:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: [second]
YAML
project_containers() { podman ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}' | sort; }

log "podman missing from PATH"
empty=$(mktemp -d /tmp/ucompose-test-nopodman.XXXXXX)
on_exit rm -rf "$empty"
out=$(PATH=$empty "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" up -d 2>&1)
rc=$?
assert_ne 0 "$rc" "up without podman"
assert_contains "$out" "podman" "the error names podman"
assert_eq 1 "$(grep -c . <<<"$out")" "one line of error (got: $out)"
log "said: $out"
assert_eq "" "$(project_containers)" "containers created without podman"

log "podman refusing the create of \"second\" in the middle of up"
bin=$(mktemp -d /tmp/ucompose-test-podman-wrapper.XXXXXX)
on_exit rm -rf "$bin"
real=$(command -v podman)
cat >"$bin/podman" <<SH
#!/bin/sh
# Refuse to create the container of service "second"; everything else goes to the real podman.
for a in "\$@"; do
    if [ "\$1" = create ] && [ "\$a" = "${PROJECT}_second_1" ]; then
        echo "Error: simulated failure: no space left on device" >&2
        exit 125
    fi
done
exec "$real" "\$@"
SH
chmod +x "$bin/podman"
out=$(PATH=$bin:$PATH uc up -d 2>&1)
rc=$?
assert_eq 1 "$rc" "up with a failing podman create (output: $out)"
assert_contains "$out" "simulated failure: no space left on device" "podman's message"
assert_contains "$out" "second" "the failing service is named"
log "said: $(grep error <<<"$out")"
assert_eq "${PROJECT}_first_1" "$(project_containers)" "what is left: the dependency created before the failure"
assert_eq created "$(state_of "${PROJECT}_first_1")" "nothing is started once a create failed"
assert_eq 1 "$(grep -c 'error' <<<"$out")" "one error line (docker compose prints the first failure only)"

out=$(uc down -t 0 2>&1) || fail "down after the failure: $out"
assert_eq "" "$(project_containers)" "containers after down"
[[ -z $(podman network ls -q --filter "label=com.docker.compose.project=$PROJECT") ]] || fail "network left after down"
log "ok"
