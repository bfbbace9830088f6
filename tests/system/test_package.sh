#!/bin/bash
# The Debian package (scripts/package, docs/packaging.md), installed into the real system with
# apt-get, then removed:
#   - scripts/package writes ucompose_<version>_amd64.deb and ucompose-dbgsym_<version>_amd64.deb
#     in the build directory; the .deb's size and apt-get's install time are printed (measured,
#     not asserted);
#   - the install adds no other package (--no-install-recommends; every Depends is already here
#     after scripts/setup-host) and touches nothing of /usr/local, where scripts/build-install put
#     the ucrun/ucompose the other tests use (checksums of /usr/local before and after);
#   - /usr/bin/ucompose and /usr/bin/ucrun print the version and the git revision, stripped, with a
#     .gnu_debuglink; the dbgsym package holds /usr/lib/debug/.build-id/<id>.debug of each;
#   - /usr/share/bash-completion/completions/{ucompose,ucrun} complete subcommands and options;
#   - the podman-compose alternative is registered (priority 20); Debian's own
#     /usr/bin/podman-compose, when its package is installed, is left as it was;
#   - `apt-get remove` leaves none of the package's files (dpkg -L before) and no alternative.
# The trap purges the package if the test installed it.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
require_cmd apt-get dpkg dpkg-deb update-alternatives readelf cpack

status=$(dpkg-query -W -f='${Status}' ucompose 2>/dev/null || true)
if [[ -n $status && $status != *not-installed* ]]; then
    fail "dpkg knows the ucompose package already ($status; dpkg --purge ucompose first): this test installs and removes it"
fi

# ---- build --------------------------------------------------------------------------------
log "scripts/package (BUILD_DIR=$UCRUN_BUILD_DIR)"
out=$(BUILD_DIR=$UCRUN_BUILD_DIR "$UCRUN_SOURCE_DIR/scripts/package" 2>&1) || { printf '%s\n' "$out" >&2; fail "scripts/package failed"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$UCRUN_BUILD_DIR/CMakeCache.txt")
[[ -n $version ]] || fail "no CMAKE_PROJECT_VERSION in $UCRUN_BUILD_DIR/CMakeCache.txt"
deb=$UCRUN_BUILD_DIR/ucompose_${version}_amd64.deb
dbgsym=$UCRUN_BUILD_DIR/ucompose-dbgsym_${version}_amd64.deb
[[ -f $deb ]] || fail "$deb not written; scripts/package said: $out"
[[ -f $dbgsym ]] || fail "$dbgsym not written"
deb_size=$(stat -c %s "$deb")
log "deb size: $deb_size bytes ($((deb_size / 1024)) KiB); dbgsym: $(stat -c %s "$dbgsym") bytes"

fields=$(dpkg-deb -f "$deb" Package Version Architecture Depends)
assert_contains "$fields" "Package: ucompose" "package name"
assert_contains "$fields" "Version: $version" "package version"
assert_contains "$fields" "Architecture: amd64" "architecture"
for dep in podman crun conmon netavark aardvark-dns catatonit qemu-system-x86 busybox-static; do
    assert_match "$fields" "Depends:.*(^|[ ,])$dep([ ,(]|$)" "Depends names $dep"
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/ucompose ./usr/bin/ucrun ./usr/lib/ucrun/ucrun-monitor \
         ./usr/share/bash-completion/completions/ucompose ./usr/share/bash-completion/completions/ucrun; do
    assert_contains "$contents" "$f" "the .deb holds $f"
done
assert_not_contains "$contents" "/usr/local" "the .deb has nothing under /usr/local"
assert_not_contains "$contents" "/usr/lib/debug" "debug files go to the dbgsym package only"
assert_not_contains "$contents" "podman-compose" "podman-compose is an alternative, not a file of the package"
[[ -z $(dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep conffiles) ]] || fail "the .deb declares conffiles (docs/packaging.md: none)"

# ---- the state the install must not change -----------------------------------------------
snapshot_usr_local() {
    find /usr/local -xdev \( -type f -o -type l \) -printf '%p %l %s %T@\n' 2>/dev/null | sort
}
packages() { dpkg-query -W -f='${Package} ${Version} ${Status}\n' | grep -v '^ucompose'; }
pc_state() {
    if [[ -L /usr/bin/podman-compose ]]; then echo "link $(readlink /usr/bin/podman-compose)"
    elif [[ -f /usr/bin/podman-compose ]]; then echo "file $(sha256sum </usr/bin/podman-compose)"
    else echo absent; fi
}
local_before=$(snapshot_usr_local)
packages_before=$(packages)
pc_before=$(pc_state)

# ---- install ------------------------------------------------------------------------------
# Not installed before (checked above), so whatever dpkg knows of ucompose at exit is ours.
on_exit_eval 'DEBIAN_FRONTEND=noninteractive dpkg --purge ucompose'
t0=$(date +%s.%N)
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 "$deb" \
    >"$UCRUN_BUILD_DIR/test_package.install.log" 2>&1 || { cat "$UCRUN_BUILD_DIR/test_package.install.log" >&2; fail "apt-get install $deb"; }
t1=$(date +%s.%N)
log "install time: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s (apt-get install of the local .deb)"
assert_eq "install ok installed" "$(dpkg-query -W -f='${Status}' ucompose)" "dpkg status after install"
assert_eq "$packages_before" "$(packages)" "no other package added, removed or changed"
files=$(dpkg -L ucompose)

# ---- the installed package ----------------------------------------------------------------
v=$(/usr/bin/ucompose --version) || fail "/usr/bin/ucompose --version exited $?"
log "/usr/bin/ucompose --version: ${v//$'\n'/ | }"
assert_match "$v" "^ucompose version $version"$'\n'"commit: [0-9a-zA-Z._-]+$" "ucompose --version: version and commit"
assert_eq "$v" "$(/usr/bin/ucompose version)" "ucompose version prints what --version prints"
v=$(/usr/bin/ucrun --version) || fail "/usr/bin/ucrun --version exited $?"
log "/usr/bin/ucrun --version: ${v//$'\n'/ | }"
assert_match "$v" "^ucrun version $version"$'\n'"commit: [0-9a-zA-Z._-]+"$'\n'"spec: " "ucrun --version: version, commit, spec"

for bin in /usr/bin/ucompose /usr/bin/ucrun; do
    sections=$(readelf -S -W "$bin")
    assert_not_contains "$sections" ".debug_info" "$bin is stripped"
    assert_contains "$sections" ".gnu_debuglink" "$bin links its debug file"
    id=$(readelf -n "$bin" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')
    [[ -n $id ]] || fail "$bin has no build id"
    assert_contains "$(dpkg-deb -c "$dbgsym")" "./usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug" "the dbgsym package holds $bin's debug file"
done
log "installed: ucompose $(stat -c %s /usr/bin/ucompose) bytes, ucrun $(stat -c %s /usr/bin/ucrun) bytes"

# Completion: the files parse, and complete like the command tables say.
complete_words() { # FILE WORD... -> what bash would offer for the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
             fn=$(complete -p "$1" | sed "s/.* -F \([^ ]*\) .*/\1/"); "$fn"; echo "${COMPREPLY[*]}"' _ "$@"
}
cdir=/usr/share/bash-completion/completions
for prog in ucompose ucrun; do
    [[ -f $cdir/$prog ]] || fail "$cdir/$prog missing"
    bash -n "$cdir/$prog" || fail "$cdir/$prog does not parse"
done
words=" $(complete_words $cdir/ucompose ucompose u) "
assert_contains "$words" " unikernel " "ucompose u<TAB>"
assert_contains "$words" " up " "ucompose u<TAB>"
assert_not_contains "$words" " down " "ucompose u<TAB> offers only words starting with u"
assert_contains " $(complete_words $cdir/ucompose ucompose unikernel '') " " build " "ucompose unikernel <TAB>"
assert_contains " $(complete_words $cdir/ucompose ucompose -f x.yaml up --) " " --detach " "ucompose -f x.yaml up --<TAB>"
assert_eq "" "$(complete_words $cdir/ucompose ucompose -f '')" "ucompose -f <TAB> leaves file names to bash"
assert_not_contains " $(complete_words $cdir/ucompose ucompose '') " " completion " "the hidden completion command is not offered"
assert_contains " $(complete_words $cdir/ucrun ucrun '') " " create " "ucrun <TAB>"
assert_contains " $(complete_words $cdir/ucrun ucrun --) " " --root " "ucrun --<TAB>"
assert_contains " $(complete_words $cdir/ucrun ucrun --root /r create --) " " --bundle " "ucrun --root /r create --<TAB>"

# The podman-compose alternative.
alt=$(update-alternatives --query podman-compose) || fail "no podman-compose alternative after install"
assert_contains "$alt" "Alternative: /usr/bin/ucompose"$'\n'"Priority: 20" "the alternative points at /usr/bin/ucompose, priority 20"
case $pc_before in
    file*) assert_eq "$pc_before" "$(pc_state)" "Debian's own /usr/bin/podman-compose is left alone" ;;
    *) assert_eq "/usr/bin/ucompose" "$(readlink -f /usr/bin/podman-compose)" "podman-compose -> ucompose through the alternative" ;;
esac
assert_eq "$local_before" "$(snapshot_usr_local)" "nothing under /usr/local changed"

# ---- remove -------------------------------------------------------------------------------
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=120 ucompose \
    >>"$UCRUN_BUILD_DIR/test_package.install.log" 2>&1 || fail "apt-get remove ucompose"
status=$(dpkg-query -W -f='${Status}' ucompose 2>/dev/null || true)
[[ -z $status || $status == *not-installed* || $status == *config-files* ]] || fail "dpkg status after remove: $status"
left=()
while IFS= read -r f; do
    [[ -e $f && ! -d $f ]] && left+=("$f")
done <<<"$files"
((${#left[@]} == 0)) || fail "files of the package left after remove: ${left[*]}"
DEBIAN_FRONTEND=noninteractive dpkg --purge ucompose >>"$UCRUN_BUILD_DIR/test_package.install.log" 2>&1 || fail "dpkg --purge ucompose"
status=$(dpkg-query -W -f='${Status}' ucompose 2>/dev/null || true)
[[ -z $status || $status == *not-installed* ]] || fail "dpkg status after purge: $status"
if update-alternatives --query podman-compose 2>/dev/null | grep -q /usr/bin/ucompose; then
    fail "the podman-compose alternative is still registered after remove"
fi
assert_eq "$pc_before" "$(pc_state)" "/usr/bin/podman-compose as it was before the install"
assert_eq "$local_before" "$(snapshot_usr_local)" "nothing under /usr/local changed"
assert_eq "$packages_before" "$(packages)" "the package list as it was"
log "PASS"
