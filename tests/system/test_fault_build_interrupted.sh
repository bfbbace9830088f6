#!/usr/bin/env bash
# `ucompose unikernel build` interrupted: SIGKILL at 20 moments spread over a replacing build
# (--force, a new --memory), and a build into a registry on a full filesystem (a small tmpfs).
# The entry is always the old one or the new one, whole (its manifest parses and names files
# that exist with their full size), never half and never missing; the full filesystem gives a
# clear one-line error and leaves the old entry; the next build removes what killed builds left.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require
require_cmd jq

reg=$(mktemp -d /tmp/ucrun-test-build-int.XXXXXX)
on_exit rm -rf "$reg"
name=e
build() { # MEMORY [OPTIONS...] -> ucompose unikernel build into $reg
    local mem=$1
    shift
    "$UCOMPOSE" unikernel build "$BUSYBOX" --name "$name" --registry "$reg" --memory "$mem" "$@" -- echo "m$mem"
}
# entry_state: "<memory_mib>" when the entry is whole, else a description of what is wrong.
entry_state() {
    local dir=$reg/$name m f size
    [[ -f $dir/manifest.json ]] || { echo "missing"; return; }
    m=$(jq -r '.memory_mib' "$dir/manifest.json" 2>/dev/null) || { echo "manifest does not parse"; return; }
    for f in $(jq -r '.kernel, .initrd' "$dir/manifest.json"); do
        size=$(stat -c %s "$dir/$f" 2>/dev/null) || { echo "$f missing"; return; }
        [[ $size -eq $(jq -r --arg f "$f" '.[$f]' "$reg/.sizes-$m") ]] || { echo "$f has $size bytes"; return; }
    done
    echo "$m"
}
# remember_sizes: the file sizes of the current (whole) entry, by its memory.
remember_sizes() {
    local dir=$reg/$name m
    m=$(jq -r '.memory_mib' "$dir/manifest.json")
    jq -n --arg k "$(jq -r .kernel "$dir/manifest.json")" --arg i "$(jq -r .initrd "$dir/manifest.json")" \
        --argjson ks "$(stat -c %s "$dir/$(jq -r .kernel "$dir/manifest.json")")" \
        --argjson is "$(stat -c %s "$dir/$(jq -r .initrd "$dir/manifest.json")")" '{($k): $ks, ($i): $is}' >"$reg/.sizes-$m"
}

log "the old (64 MiB) and the new (96 MiB) entry, built whole once each"
build 96 >/dev/null 2>&1 || fail "build 96"
remember_sizes
build 64 --force >/dev/null 2>&1 || fail "build 64"
remember_sizes
assert_eq 64 "$(entry_state)" "the old entry"

log "SIGKILL at 20 moments of a replacing build"
seen_new=0
for i in $(seq 0 19); do
    build 96 --force >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '0.%02d' $((i * 4)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    state=$(entry_state)
    [[ $state == 64 || $state == 96 ]] || fail "after a kill at 0.$((i * 4)) s the entry is not whole: $state"
    if [[ $state == 96 ]]; then
        seen_new=$((seen_new + 1))
        build 64 --force >/dev/null 2>&1 || fail "rebuild of the old entry"
    fi
done
log "whole every time ($seen_new of 20 kills came after the commit)"
build 64 --force >/dev/null 2>&1 || fail "a build after the kills"
left=$(find "$reg" -mindepth 1 -maxdepth 1 -name '.*' ! -name '.sizes-*')
assert_eq "" "$left" "staging directories left by killed builds after the next build"

log "a registry on a full filesystem"
small=$(mktemp -d /tmp/ucrun-test-build-full.XXXXXX)
on_exit rmdir "$small"
mount -t tmpfs -o size=5m tmpfs "$small" || fail "mount a 5 MiB tmpfs"
on_exit umount "$small"
reg_full=$small
"$UCOMPOSE" unikernel build "$BUSYBOX" --name "$name" --registry "$reg_full" --memory 64 -- echo m64 >/dev/null 2>&1 ||
    fail "the first build fits in 5 MiB"
before=$(cd "$reg_full/$name" && sha256sum ./*)
out=$("$UCOMPOSE" unikernel build "$BUSYBOX" --name "$name" --registry "$reg_full" --memory 96 --force -- echo m96 2>&1)
rc=$?
assert_ne 0 "$rc" "a build that does not fit"
err=$(grep 'error' <<<"$out")
assert_eq 1 "$(grep -c . <<<"$err")" "one error line (got: $out)"
assert_contains "$err" "No space left on device" "the error says why"
log "said: $err"
assert_eq "$before" "$(cd "$reg_full/$name" && sha256sum ./*)" "the old entry, untouched"
assert_eq "" "$(find "$reg_full" -mindepth 1 -maxdepth 1 -name '.*')" "staging left on the full filesystem"
log "ok"
