#!/bin/bash
# `build` builds every service with a build section (tagged with its image name, --build-arg over
# the file's args), leaves image-only services alone; `push` pushes built images that name an
# image, and a push that fails names the service and exits 1 unless --ignore-push-failures
# (compat mode: every built service is pushed, and a failure exits with podman's status).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project build
mkdir -p "$PROJECT_DIR/app" "$PROJECT_DIR/named"
cat >"$PROJECT_DIR/app/Containerfile" <<EOF2
FROM $TEST_IMAGE
ARG GREETING=from-the-file
LABEL uct.greeting=\$GREETING
EOF2
# named's first instruction after FROM differs from app's, so the two share no cached layer:
# buildah 1.28 keys a cached `LABEL x=$ARG` layer without the ARG's value, and the two build in
# parallel (appending the difference at the end let app reuse named's label, seen in CI).
cat >"$PROJECT_DIR/named/Containerfile" <<EOF2
FROM $TEST_IMAGE
LABEL uct.named=yes
ARG GREETING=from-the-file
LABEL uct.greeting=\$GREETING
EOF2
# Port 9 on loopback: nothing listens, so a push there fails at once.
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  app:
    build:
      context: ./app
      args:
        GREETING: from-compose
  named:
    build: ./named
    image: 127.0.0.1:9/uct/named-$$:latest
  plain:
    image: $TEST_IMAGE
YAML
app_image=localhost/${PROJECT}_app:latest
on_exit podman rmi -f "$app_image" "127.0.0.1:9/uct/named-$$:latest"
label() { podman image inspect --format '{{index .Labels "uct.greeting"}}' "$1" 2>/dev/null; }

uc build >"$PROJECT_DIR/build.out" 2>&1 || fail "build failed: $(cat "$PROJECT_DIR/build.out")"
assert_eq from-compose "$(label "$app_image")" "the file's build arg reached the image of app"
# The rebuild below moves the tag: the first image, untagged then, is removed by id.
first_app_id=$(podman image inspect --format '{{.Id}}' "$app_image") || fail "no image $app_image"
on_exit podman rmi -f "$first_app_id"
assert_eq from-the-file "$(label "127.0.0.1:9/uct/named-$$:latest")" "named is tagged with its image: (no args: the Containerfile default)"
assert_contains "$(cat "$PROJECT_DIR/build.out")" "Built" "progress says Built"

# (--no-cache: buildah 1.28 reuses a cached LABEL layer whatever the ARG's value.)
uc build --no-cache --build-arg GREETING=from-the-command-line app >/dev/null 2>&1 || fail "build app failed"
assert_eq from-the-command-line "$(label "$app_image")" "--build-arg beats the file"

out=$(uc push named 2>&1)
rc=$?
assert_eq 1 "$rc" "a failed push exits 1"
assert_contains "$out" 'service "named": push of 127.0.0.1:9/uct/named-'"$$"':latest failed' "the failed push names the service and image"
assert_rc 0 "push --ignore-push-failures" uc push --ignore-push-failures named
# app has no image: of its own and plain is not built: neither is pushed.
out=$(uc --dry-run push 2>&1)
assert_contains "$out" "push 127.0.0.1:9/uct/named-$$:latest" "dry run pushes named"
assert_not_contains "$out" "push localhost/${PROJECT}_app" "dry run does not push app (no image:)"
assert_not_contains "$out" "push $TEST_IMAGE" "dry run does not push plain (not built)"
# podman-compose's command line: build flags after the subcommand, global ones before it.
out=$("$UCOMPOSE" compat -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" --dry-run build --no-cache --build-arg GREETING=c app 2>&1)
assert_contains "$out" "build -t ${PROJECT}_app --build-arg GREETING=c --no-cache $PROJECT_DIR/app" "compat build's podman argv"
assert_not_contains "$out" "named" "compat build of one service builds only that one"
# podman-compose pushes every built service, by the name its build tagged; a failure exits with podman's status.
out=$("$UCOMPOSE" compat -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" --dry-run push 2>&1)
assert_contains "$out" "push ${PROJECT}_app" "compat push pushes app by its built name"
assert_contains "$out" "push 127.0.0.1:9/uct/named-$$:latest" "compat push pushes named"
assert_not_contains "$out" "push $TEST_IMAGE" "compat push does not push plain (not built)"
out=$("$UCOMPOSE" compat -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" push named 2>&1)
assert_eq 125 "$?" "a failed compat push exits with podman's status (output: $out)"
log "ok"
