#!/bin/bash
# A diamond a -> {b, c} -> d: dependency order holds, and the two middle services start in
# parallel (within the same second), not one after the other.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project diamond
cat >"$PROJECT_DIR/compose.yaml" <<YAML
x-idle: &idle
  image: $TEST_IMAGE
  command: $IDLE_CMD
services:
  a:
    <<: *idle
    healthcheck: {test: ["CMD", "true"], interval: 1s}
  b:
    <<: *idle
    depends_on: {a: {condition: service_healthy}}
  c:
    <<: *idle
    depends_on: {a: {condition: service_healthy}}
  d:
    <<: *idle
    depends_on: [b, c]
YAML
out=$(uc up -d 2>&1) || fail "up -d failed: $out"
for s in a b c d; do
    assert_eq running "$(state_of "${PROJECT}_${s}_1")" "service $s runs"
done
a=$(started_ns "${PROJECT}_a_1") b=$(started_ns "${PROJECT}_b_1")
c=$(started_ns "${PROJECT}_c_1") d=$(started_ns "${PROJECT}_d_1")
((a < b && a < c)) || fail "a must start before b and c (a=$a b=$b c=$c)"
((d > b && d > c)) || fail "d must start after b and c (b=$b c=$c d=$d)"
diff=$((b > c ? b - c : c - b))
((diff < 1000000000)) || fail "b and c started ${diff}ns apart: not in parallel"
log "order a < {b, c} < d; b and c started $((diff / 1000000)) ms apart"
# The progress output names every container.
assert_contains "$out" "Container ${PROJECT}_d_1  Started" "progress lines"
assert_contains "$out" "Container ${PROJECT}_a_1  Healthy" "health progress line"
