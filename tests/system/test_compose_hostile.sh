#!/bin/bash
# Hostile compose files (docs/security.md): an alias bomb is refused in one line within a
# memory cap, a `runtime:` that is a path (or a name podman has not registered) is refused
# before anything is created and the file is never run, and bytes from the file (newlines,
# ESC) reach the error line escaped. Also through the podman-compose name (compat mode).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
compose_project hostile
# compose.yaml stays harmless: the cleanup brings the project down with it. Each case has its own file.
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  app:
    image: $TEST_IMAGE
YAML
COMPAT_DIR="$PROJECT_DIR/compat"
mkdir -p "$COMPAT_DIR"
ln -s "$(command -v "$UCOMPOSE")" "$COMPAT_DIR/podman-compose"

# refused WHAT FILE EXPECTED-SUBSTRING ARGS...: `ucompose -f FILE ARGS...` exits 1 with exactly
# one stderr line (no raw control bytes in it) containing EXPECTED-SUBSTRING, under a 2 GiB
# address-space cap, and the project has no containers afterwards. Sets ERR to that line.
refused() {
    local what=$1 file=$2 want=$3 rc lines
    shift 3
    ERR=$( (ulimit -v 2097152; "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$file" "$@") 2>&1 >/dev/null)
    rc=$?
    assert_eq 1 "$rc" "$what: exit status (stderr: $ERR)"
    lines=$(printf '%s\n' "$ERR" | wc -l)
    assert_eq 1 "$lines" "$what: one line on stderr"
    assert_contains "$ERR" "$want" "$what: the error"
    [[ $ERR != *[[:cntrl:]]* ]] || fail "$what: raw control bytes on stderr: $(printf '%q' "$ERR")"
    no_containers "$what"
}

no_containers() {
    assert_eq "" "$(podman ps -a -q --filter "label=io.podman.compose.project=$PROJECT")" "$1: no containers created"
}

# ---- an alias bomb: 10^9 strings from under 1 KiB, and a few aliases of a 100 KB string ------
bomb="$PROJECT_DIR/bomb.yaml"
{
    printf 'services:\n  app:\n    image: %s\n' "$TEST_IMAGE"
    printf 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev=a
    for l in b c d e f g h i; do
        printf 'x-%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' "$l" "$l" $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
        prev=$l
    done
} >"$bomb"
refused "billion laughs (config)" "$bomb" "refused as an alias bomb" config
assert_match "$ERR" "^ucompose: error: $bomb:[0-9]+:[0-9]+: aliases here expand the document past 16.0 MiB" \
    "billion laughs: the place of the alias"
refused "billion laughs (up)" "$bomb" "refused as an alias bomb" up -d

wide="$PROJECT_DIR/wide.yaml"
{
    printf 'services:\n  app:\n    image: %s\n    labels:\n      big: &big "%s"\n' "$TEST_IMAGE" "$(head -c 100000 /dev/zero | tr '\0' x)"
    printf 'x-b: &b [%s*big]\n' "$(printf '*big,%.0s' $(seq 99))"
    printf 'x-c: [%s*b]\n' "$(printf '*b,%.0s' $(seq 999))"
} >"$wide"
refused "aliases of a big string (up)" "$wide" "refused as an alias bomb" up -d

# ---- runtime: a path is never run -------------------------------------------------------------
marker="$PROJECT_DIR/runtime-was-run"
evil="$PROJECT_DIR/evil-runtime"
printf '#!/bin/sh\ntouch %q\nexec crun "$@"\n' "$marker" >"$evil"
chmod 755 "$evil"
cat >"$PROJECT_DIR/path.yaml" <<YAML
services:
  app:
    image: $TEST_IMAGE
    command: ["true"]
    runtime: $evil
YAML
refused "runtime is a path" "$PROJECT_DIR/path.yaml" "services.app.runtime must be the name of an OCI runtime" up -d
assert_contains "$ERR" "$PROJECT_DIR/path.yaml:5:14:" "runtime is a path: file:line:col"
refused "runtime is a path (run)" "$PROJECT_DIR/path.yaml" "never a path" run --rm app
cat >"$PROJECT_DIR/path-var.yaml" <<YAML
services:
  app:
    image: $TEST_IMAGE
    command: ["true"]
    x-ucompose:
      runtime: \${EVIL_RUNTIME}
YAML
EVIL_RUNTIME=$evil refused "x-ucompose.runtime is a path, through a variable" "$PROJECT_DIR/path-var.yaml" \
    "services.app.x-ucompose.runtime must be the name of an OCI runtime" up -d
cat >"$PROJECT_DIR/unregistered.yaml" <<YAML
services:
  db:
    image: $TEST_IMAGE
    command: ["true"]
  app:
    image: $TEST_IMAGE
    command: ["true"]
    runtime: uct-not-registered
    depends_on: [db]
YAML
refused "runtime not registered" "$PROJECT_DIR/unregistered.yaml" \
    "service \"app\": runtime \"uct-not-registered\" is not an OCI runtime registered with podman" up -d
assert_contains "$ERR" "$PROJECT_DIR/unregistered.yaml:8:5:" "runtime not registered: file:line:col"

# The podman-compose name reads the same file the same way.
ERR=$( (ulimit -v 2097152; "$COMPAT_DIR/podman-compose" -p "$PROJECT" -f "$PROJECT_DIR/path.yaml" up -d) 2>&1 >/dev/null)
assert_contains "$ERR" "never a path" "compat mode: runtime path refused"
no_containers "compat mode"
[[ ! -e $marker ]] || fail "the runtime named by path was executed"

# ---- control bytes from the file are escaped in the one error line -----------------------------
esc=$'\e'
printf 'services:\n  app:\n    image: %s\n    runtime: "a\\e[31mred\\nsecond line"\n' "$TEST_IMAGE" >"$PROJECT_DIR/ctl.yaml"
refused "control bytes in a value" "$PROJECT_DIR/ctl.yaml" 'not "a\x1b[31mred\nsecond line"' up -d
printf 'services:\n  "bad\\e]0;title\\x07name\\n":\n    image: %s\n' "$TEST_IMAGE" >"$PROJECT_DIR/ctl-name.yaml"
refused "control bytes in a service name" "$PROJECT_DIR/ctl-name.yaml" 'bad\x1b]0;title\x07name\n' config
assert_not_contains "$ERR" "$esc" "no raw ESC"

[[ ! -e $marker ]] || fail "the runtime named by path was executed"
log "ok"
