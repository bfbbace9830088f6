#!/bin/bash
# An unknown command is named, in one line, with exit 1, in both command lines (native and
# podman-compose's), before anything is loaded or started.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}
[[ -x $UCOMPOSE ]] || fail "ucompose binary $UCOMPOSE is missing"
dir=$(mktemp -d /tmp/ucompose-test-unknown.XXXXXX)
on_exit rm -rf "$dir"
printf 'services:\n  a: {image: x}\n' >"$dir/compose.yaml"
check() { # WANT-SUBSTRING ARGS...
    local want=$1 out rc=0
    shift
    out=$(cd "$dir" && "$UCOMPOSE" "$@" 2>&1) || rc=$?
    assert_eq 1 "$rc" "exit code of ucompose $*"
    assert_eq 1 "$(printf '%s\n' "$out" | wc -l)" "lines of the error of ucompose $*"
    assert_contains "$out" "$want" "ucompose $*"
}
check 'unknown command "frobnicate" for "ucompose"' frobnicate
check 'unknown command "frobnicate" for "ucompose"' -f "$dir/compose.yaml" -p proj frobnicate --flag
check 'unknown command "frobnicate" for "podman-compose"' compat frobnicate
check 'unknown command "frobnicate" for "podman-compose"' compat -f "$dir/compose.yaml" frobnicate
# A known command still parses (and a missing one is still CLI11's own message).
out=$(cd "$dir" && "$UCOMPOSE" config --services 2>&1) || fail "config --services failed: $out"
assert_eq a "$out" "config --services"
log "ok"
