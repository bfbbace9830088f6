#!/bin/bash
# podman-compose's forms in compat mode (`ucompose compat`), over real podman and crun:
#   - logs: `[service_1]|` prefixes (container_name when set) in podman-compose's colours,
#     tty or not; `--no-color` keeps its resets, `--no-log-prefix` prints the bare text;
#   - attached up: `[service] |` prefixes; --abort-on-container-exit exits 0 as podman-compose
#     does, --abort-on-container-failure with the failed container's code;
#   - podman-compose's forms: ulimits as a list of name=soft[:hard], `:ro,z` on a named volume,
#     a bare string ports;
#   - run builds a missing image first;
#   - ps --format '{{.Names}}' and -q are podman's; a pull that fails exits with podman's 125;
#   - down removes every container and the network.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project compat-forms
on_exit_eval "'$UCOMPOSE' compat -p '$PROJECT' -f '$PROJECT_DIR/compose.yaml' down -t 0"
pc() { "$UCOMPOSE" compat -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" "$@"; }
ESC=$'\033'

cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  test1:
    image: $TEST_IMAGE
    command: ["echo", "test1"]
  test2:
    image: $TEST_IMAGE
    command: ["echo", "test2"]
    container_name: ${PROJECT}_custom
YAML
assert_rc 0 "compat up -d" pc up -d
assert_eq 0 "$(podman wait "${PROJECT}_test1_1")" "test1 ran"
assert_eq 0 "$(podman wait "${PROJECT}_custom")" "test2 ran"

out=$(pc logs 2>/dev/null)
assert_contains "$out" "${ESC}[1;32m[test1_1]|${ESC}[0m ${ESC}[37mtest1${ESC}[0m" "logs: podman-compose's coloured prefix, and podman's --color on the text"
assert_contains "$out" "${ESC}[1;33m[${PROJECT}_custom]|${ESC}[0m" "logs: container_name as the label, the next colour"
out=$(pc logs --no-color test1 2>/dev/null)
assert_eq "${ESC}[0m[test1_1]|${ESC}[0m test1" "$out" "logs --no-color test1"
out=$(pc logs --no-color --no-log-prefix test1 2>/dev/null)
assert_eq "test1" "$out" "logs --no-color --no-log-prefix test1"
out=$(pc --no-ansi logs test1 2>/dev/null)
assert_eq "[test1_1]| test1" "$out" "logs under --no-ansi: no escapes"

names=$(pc ps --format '{{.Names}}' | sort | tr '\n' ' ')
assert_eq "${PROJECT}_custom ${PROJECT}_test1_1 " "$names" "ps --format '{{.Names}}'"
assert_eq 2 "$(pc ps -q | wc -l)" "ps -q: one ID per container"
assert_rc 0 "compat down" pc down -t 0
[[ -z $(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT") ]] || fail "down left containers"
podman network exists "${PROJECT}_default" && fail "down left the network ${PROJECT}_default"

# ---- attached up and its exit codes ---------------------------------------------------------
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  sh1:
    image: $TEST_IMAGE
    command: ["sh", "-c", "echo one; sleep 1; exit 3"]
  longer:
    image: $TEST_IMAGE
    command: $IDLE_CMD
YAML
out=$(pc --no-ansi up --abort-on-container-exit 2>/dev/null)
rc=$?
assert_eq 0 "$rc" "up --abort-on-container-exit exits 0 in compat mode, as podman-compose (output: $out)"
assert_contains "$out" "[sh1]    | one" "attached up: \`[service] |\` padded to the longest service name"
assert_eq exited "$(state_of "${PROJECT}_longer_1")" "--abort-on-container-exit stopped the other service"
out=$(pc --no-ansi up --abort-on-container-failure 2>/dev/null)
rc=$?
assert_eq 3 "$rc" "up --abort-on-container-failure exits with the failed container's code"
assert_eq exited "$(state_of "${PROJECT}_longer_1")" "--abort-on-container-failure stopped the other service"

# podman-compose's forms: ulimits as name=soft[:hard] strings, an SELinux label on a named volume.
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  forms:
    image: $TEST_IMAGE
    command: ["sh", "-c", "ulimit -n; ulimit -Hu; touch /data/x 2>&1 || echo read-only"]
    ulimits: [nofile=1002, nproc=1002:2002]
    volumes: ["myvol1:/data:ro,z"]
    ports: "127.0.0.1::8080"
volumes:
  myvol1: {}
YAML
assert_contains "$(pc config 2>/dev/null)" "target: 8080" "a bare string ports is read as a list of one"
out=$(pc --no-ansi up 2>&1)
assert_eq 0 "$?" "up of podman-compose's forms (output: $out)"
assert_contains "$out" "| 1002" "ulimits: [nofile=1002] reaches the container"
assert_contains "$out" "| 2002" "ulimits: [nproc=1002:2002] sets the hard limit"
assert_contains "$out" "Read-only file system" "myvol1:/data:ro,z is mounted read-only"
assert_rc 0 "compat down -v" pc down -t 0 -v
podman volume exists "${PROJECT}_myvol1" && fail "down -v left the volume ${PROJECT}_myvol1"

# run builds a missing image first (as podman-compose and docker compose do).
mkdir -p "$PROJECT_DIR/app"
printf 'FROM %s\nCMD ["echo", "built-and-run"]\n' "$TEST_IMAGE" >"$PROJECT_DIR/app/Dockerfile"
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  app:
    build: ./app
YAML
on_exit_eval "podman rmi -f '${PROJECT}_app' >/dev/null 2>&1"
out=$(pc run --rm app 2>&1)
assert_eq 0 "$?" "compat run of a service whose image is not built yet (output: $out)"
assert_contains "$out" "built-and-run" "run built the image, then ran it"
podman image exists "${PROJECT}_app" || fail "run did not tag the built image ${PROJECT}_app"
assert_rc 0 "compat down" pc down -t 0

cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  bad:
    image: localhost/ucrun-test-does-not-exist-$$:latest
YAML
out=$(pc pull 2>&1)
rc=$?
assert_eq 125 "$rc" "a failed pull exits with podman's status (output: $out)"
assert_rc 0 "compat down" pc down -t 0 --remove-orphans
[[ -z $(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT") ]] || fail "down left containers"
podman network exists "${PROJECT}_default" && fail "down left the network ${PROJECT}_default"
log PASS
