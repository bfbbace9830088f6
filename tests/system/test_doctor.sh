#!/bin/bash
# ucompose doctor [--fix] (docs/doctor.md) on the real host: breaks it in three ways --fix
# repairs (the ucrun containers.conf.d drop-in gone, podman's init binary gone, the registry
# directory gone), checks that doctor names each problem and exits non-zero, that `doctor --fix`
# repairs them, and that doctor then passes. Each broken part is renamed aside in its own
# directory and renamed back by the EXIT trap whatever happens, so the host ends exactly as it was.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}

require_root
require_cmd podman jq apt-get
[[ -x $UCOMPOSE ]] || fail "ucompose binary $UCOMPOSE is missing (build the ucompose target)"

DROPIN=/etc/containers/containers.conf.d/50-ucrun.conf
INIT=/usr/libexec/podman/catatonit
REGISTRY=/var/lib/ucrun/registry
if [[ -f /etc/ucrun/ucrun.json ]]; then
    REGISTRY=$(jq -r '.registry // "/var/lib/ucrun/registry"' /etc/ucrun/ucrun.json)
fi
ASIDE=".doctor-test-$$"

doctor() { "$UCOMPOSE" --no-ansi doctor "$@" 2>&1; }

# The host must start healthy: setup-host prepared it.
out=$(doctor)
rc=$?
[[ $rc -eq 0 ]] || fail "doctor fails before the test broke anything (run scripts/setup-host):
$out"
for p in "$DROPIN" "$INIT" "$REGISTRY"; do
    [[ -e $p || -L $p ]] || fail "$p is missing before the test (run scripts/setup-host)"
done
init_link=$(readlink "$INIT" || true)
dropin_sum=$(sha256sum <"$DROPIN")
registry_listing=$(ls -lA "$REGISTRY")

# put_back PATH: whatever doctor --fix made at PATH goes, the original comes back. A file or
# link is removed; a directory only when empty (doctor creates it empty), so nothing is lost.
put_back() {
    local p=$1
    [[ -e $p$ASIDE || -L $p$ASIDE ]] || return 0
    if [[ -d $p && ! -L $p ]]; then
        rmdir "$p" || return 1
    else
        rm -f "$p"
    fi
    mv -T "$p$ASIDE" "$p"
}

# set_aside PATH: rename PATH next to itself (the same directory: nothing is copied, and the
# name no longer matches what podman or ucrun read), registering its return first.
set_aside() {
    on_exit put_back "$1"
    mv -T "$1" "$1$ASIDE" || fail "cannot move $1 aside"
}

log "breaking the host: $DROPIN, $INIT and $REGISTRY moved aside"
set_aside "$DROPIN"
set_aside "$INIT"
set_aside "$REGISTRY"

out=$(doctor)
rc=$?
printf '%s\n' "$out" >&2
assert_eq 1 "$rc" "doctor's exit status on a broken host"
assert_match "$out" $'(^|\n)fail  ucrun-runtime +podman has no runtime `ucrun`' "doctor names the missing drop-in"
assert_contains "$out" "fix: write $DROPIN" "doctor gives the drop-in as the fix"
assert_match "$out" $'(^|\n)fail  init +podman\'s init binary '"$INIT"' is missing' "doctor names the missing init binary"
assert_contains "$out" "fix: apt-get install -y --no-install-recommends --reinstall catatonit" "the init fix"
assert_match "$out" $'(^|\n)fail  registry +registry directory '"$REGISTRY"' missing; fix: mkdir -p '"$REGISTRY" \
    "doctor names the missing registry directory"

# --dry-run lists the repairs and makes none.
out=$("$UCOMPOSE" --dry-run doctor --fix 2>&1)
assert_contains "$out" "would: apt-get install -y -q --no-install-recommends --reinstall catatonit" "dry run: install"
assert_contains "$out" "would: write $DROPIN" "dry run: the drop-in"
assert_contains "$out" "would: mkdir -p $REGISTRY" "dry run: the registry"
[[ ! -e $DROPIN && ! -e $REGISTRY ]] || fail "--dry-run changed the host"

log "doctor --fix"
out=$(doctor --fix)
rc=$?
printf '%s\n' "$out" >&2
assert_eq 0 "$rc" "doctor --fix's exit status"
assert_contains "$out" "fixed: write $DROPIN" "--fix wrote the drop-in"
assert_contains "$out" "fixed: apt-get install" "--fix reinstalled catatonit"
assert_contains "$out" "fixed: mkdir -p $REGISTRY" "--fix made the registry"
[[ -x $INIT ]] || fail "$INIT is still missing after --fix"
[[ -d $REGISTRY && -w $REGISTRY ]] || fail "$REGISTRY is not a writable directory after --fix"
# The drop-in doctor writes is setup-host's, byte for byte (same ucrun path, same limits).
assert_eq "$dropin_sum" "$(sha256sum <"$DROPIN")" "the drop-in --fix wrote differs from setup-host's"

out=$(doctor)
rc=$?
assert_eq 0 "$rc" "doctor after --fix:
$out"

# Put the host back now (the trap does it too, if anything above failed) and check it is as it was.
put_back "$REGISTRY" || fail "cannot put $REGISTRY back"
put_back "$INIT" || fail "cannot put $INIT back"
put_back "$DROPIN" || fail "cannot put $DROPIN back"
assert_eq "$init_link" "$(readlink "$INIT" || true)" "$INIT restored"
assert_eq "$dropin_sum" "$(sha256sum <"$DROPIN")" "$DROPIN restored"
assert_eq "$registry_listing" "$(ls -lA "$REGISTRY")" "$REGISTRY restored"
out=$(doctor)
assert_eq 0 "$?" "doctor on the restored host:
$out"
log "PASS"
