#!/bin/bash
# include: a service from an included file runs with its paths resolved against its own
# directory and its own .env, next to the including file's services; down removes both.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project include
mkdir -p "$PROJECT_DIR/sub/data"
echo "from-the-sub-dir-$$" >"$PROJECT_DIR/sub/data/hello"
printf 'GREETING=from-the-sub-env-%s\n' "$$" >"$PROJECT_DIR/sub/.env"
cat >"$PROJECT_DIR/sub/compose.yaml" <<YAML
services:
  back:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    environment:
      GREETING: "\${GREETING}"
    volumes: ["./data:/data:ro"]
YAML
cat >"$PROJECT_DIR/compose.yaml" <<YAML
include:
  - sub/compose.yaml
services:
  front:
    image: $TEST_IMAGE
    command: $IDLE_CMD
    depends_on: [back]
YAML
uc up -d >/dev/null 2>&1 || fail "up failed: $(uc up -d 2>&1)"
assert_eq running "$(state_of "${PROJECT}_back_1")" "the included service runs"
assert_eq running "$(state_of "${PROJECT}_front_1")" "the including file's service runs"
assert_eq "from-the-sub-dir-$$" "$(uc exec -T back cat /data/hello)" "./data resolved against sub/"
assert_eq "from-the-sub-env-$$" "$(uc exec -T back sh -c 'echo $GREETING')" "interpolated from sub/.env"
uc down -t 0 >/dev/null 2>&1 || fail "down failed"
assert_eq "" "$(state_of "${PROJECT}_back_1")$(state_of "${PROJECT}_front_1")" "down removed both"
log "ok"
