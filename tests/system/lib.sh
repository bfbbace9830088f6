# shellcheck shell=bash
# Shared helpers for tests/system/test_*.sh and tests/conformance/test_*.sh.
# Source it first thing:   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   (or ../system/lib.sh)
#
# Conventions (CONTRIBUTING.md): exit 0 = pass, 1 = fail, 77 = skip. Skip only when a needed
# part cannot exist on this machine, and never when CI=true. Everything a test creates is
# registered with `on_exit` right after creation and removed by the EXIT trap.

set -uo pipefail

TEST_NAME=$(basename "${0%.sh}")
UCRUN_SOURCE_DIR=${UCRUN_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
UCRUN_BUILD_DIR=${UCRUN_BUILD_DIR:-$UCRUN_SOURCE_DIR/build}
# The runtime podman is asked for. Tests use the installed name; a path to a build works too
# while developing (UCRUN_RUNTIME="$PWD/build-x/cli/ucrun").
UCRUN_RUNTIME=${UCRUN_RUNTIME:-ucrun}
TEST_IMAGE=localhost/ucrun-test-busybox:latest

log() { printf '[%s] %s\n' "$TEST_NAME" "$*" >&2; }

fail() {
    printf '[%s] FAIL: %s\n' "$TEST_NAME" "$*" >&2
    __REPORTED=1
    exit 1
}

# skip REASON: exit 77, except under CI where a missing part is a failure.
skip() {
    if [[ ${CI:-} == true ]]; then
        fail "would skip under CI=true: $*"
    fi
    printf '[%s] SKIP: %s\n' "$TEST_NAME" "$*" >&2
    __REPORTED=1
    exit 77
}

require_root() {
    [[ $(id -u) -eq 0 ]] || skip "needs root (uid is $(id -u))"
}

require_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || fail "command '$c' not found (scripts/setup-host installs it)"
    done
}

# ---- cleanup registry ------------------------------------------------------------------
# on_exit CMD...: run CMD at exit, last registered first. Failures are reported, not fatal.
__CLEANUPS=()
on_exit() {
    local q
    printf -v q '%q ' "$@"
    __CLEANUPS+=("$q")
}
# on_exit_eval 'shell string': same, for commands that need redirections or pipes.
on_exit_eval() { __CLEANUPS+=("$1"); }

# ---- saying why ------------------------------------------------------------------------
# Every failing test says why. The ERR trap remembers the last command that failed (file, line,
# command, status); under `set -e` it prints it at once, since the shell is about to exit. A test
# that exits non-zero without `fail` (an `exit 1` in a helper, a signal, errexit) gets that line
# from the EXIT trap.
__REPORTED=0
__LAST_ERR=""
__on_err() {
    local rc=$?
    __LAST_ERR="${BASH_SOURCE[1]:-?}:${BASH_LINENO[0]}: \`$BASH_COMMAND\` returned $rc"
    if [[ $- == *e* ]]; then
        printf '[%s] FAIL: %s\n' "$TEST_NAME" "$__LAST_ERR" >&2
        __REPORTED=1
    fi
    return 0
}
set -o errtrace
trap __on_err ERR

__run_cleanups() {
    local rc=$? i
    trap - EXIT INT TERM ERR
    if ((rc != 0 && __REPORTED == 0)); then
        if [[ -n $__LAST_ERR ]]; then
            printf '[%s] FAIL: exit status %d; the last command that failed: %s\n' "$TEST_NAME" "$rc" "$__LAST_ERR" >&2
        else
            printf '[%s] FAIL: exit status %d, and no command had failed\n' "$TEST_NAME" "$rc" >&2
        fi
    fi
    for ((i = ${#__CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${__CLEANUPS[i]}" >/dev/null 2>&1 || log "cleanup failed: ${__CLEANUPS[i]}"
    done
    exit "$rc"
}
trap __run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- waiting ---------------------------------------------------------------------------
# wait_for SECONDS DESCRIPTION CMD...: poll CMD every 0.1 s until it succeeds. A bound on
# waiting, not a timed assertion: on timeout it fails with DESCRIPTION.
wait_for() {
    local timeout=$1 what=$2
    shift 2
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "timed out after ${timeout}s waiting for: $what"
        sleep 0.1
    done
}

# wait_quiet SECONDS CMD...: like wait_for but returns 1 instead of failing.
wait_quiet() {
    local timeout=$1
    shift
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# ---- assertions ------------------------------------------------------------------------
assert_eq() { # EXPECTED ACTUAL WHAT
    [[ "$1" == "$2" ]] && return 0
    fail "$3
    expected: $(printf '%q' "$1")
    actual:   $(printf '%q' "$2")"
}

assert_ne() { # UNEXPECTED ACTUAL WHAT
    [[ "$1" != "$2" ]] && return 0
    fail "$3: did not expect $(printf '%q' "$2")"
}

assert_contains() { # HAYSTACK NEEDLE WHAT
    [[ "$1" == *"$2"* ]] && return 0
    fail "$3
    expected to contain: $(printf '%q' "$2")
    actual:              $(printf '%q' "$1")"
}

assert_not_contains() { # HAYSTACK NEEDLE WHAT
    [[ "$1" != *"$2"* ]] && return 0
    fail "$3
    expected not to contain: $(printf '%q' "$2")
    actual:                  $(printf '%q' "$1")"
}

assert_match() { # STRING ERE WHAT
    [[ "$1" =~ $2 ]] && return 0
    fail "$3
    expected to match: $2
    actual:            $(printf '%q' "$1")"
}

# assert_rc EXPECTED_RC WHAT CMD...: run CMD (output shown on mismatch) and check its status.
assert_rc() {
    local want=$1 what=$2 out rc
    shift 2
    out=$("$@" 2>&1)
    rc=$?
    [[ $rc -eq $want ]] && return 0
    fail "$what
    command:  $*
    expected exit $want, got $rc
    output:   $out"
}

# ---- host and podman -------------------------------------------------------------------
# The host quirks of docs/environment.md are fixed by scripts/setup-host; tests only
# check, so that a missing setup gives one clear line instead of a crun error.
require_host_setup() {
    if [[ -r /sys/fs/cgroup/unified/cgroup.controllers ]] &&
        grep -qw hugetlb /sys/fs/cgroup/unified/cgroup.controllers; then
        fail "hybrid cgroups with hugetlb on cgroup2: crun refuses them; run scripts/setup-host"
    fi
}

# Extra `podman run` flags. With the setup drop-in (default_ulimits) there are none; without
# it, podman's root defaults exceed the hard limits here (docs/environment.md item 2).
PODMAN_RUN_ARGS=()
__has_default_ulimits() {
    grep -qs '^[[:space:]]*default_ulimits' /etc/containers/containers.conf \
        /etc/containers/containers.conf.d/*.conf /usr/share/containers/containers.conf
}
if ! __has_default_ulimits; then
    PODMAN_RUN_ARGS+=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
fi

# pm ARGS...: podman with the runtime under test.
pm() { podman --runtime "$UCRUN_RUNTIME" "$@"; }

require_podman_runtime() {
    require_root
    require_cmd podman
    require_host_setup
    if [[ $UCRUN_RUNTIME == */* ]]; then
        [[ -x $UCRUN_RUNTIME ]] || fail "runtime binary $UCRUN_RUNTIME is missing"
    elif ! command -v "$UCRUN_RUNTIME" >/dev/null 2>&1 &&
        ! grep -qs "^[[:space:]]*${UCRUN_RUNTIME}[[:space:]]*=" /etc/containers/containers.conf \
            /etc/containers/containers.conf.d/*.conf; then
        fail "runtime '$UCRUN_RUNTIME' is neither on PATH nor registered with podman; run scripts/setup-host"
    fi
}

# unique_name SUFFIX: a container name owned by this test run.
unique_name() { printf 'ucrun-test-%s-%s-%s' "$TEST_NAME" "$1" "$$" | tr '_' '-'; }

# pm_rm_on_exit NAME: remove container NAME at exit (whatever state it is in).
pm_rm_on_exit() { on_exit podman rm -f -t 0 "$1"; }

# ensure_test_image: build localhost/ucrun-test-busybox:latest offline from busybox-static if
# it is missing (FROM scratch, no RUN, so no runtime is involved). Removed at exit only if
# this test built it; UCRUN_TEST_KEEP_IMAGE=1 keeps it.
ensure_test_image() {
    require_cmd podman
    if podman image exists "$TEST_IMAGE"; then
        return 0
    fi
    local busybox ctx
    busybox=$(command -v busybox) || fail "busybox not found (Debian package busybox-static)"
    file -L "$busybox" 2>/dev/null | grep -q 'dynamically linked' &&
        fail "$busybox is dynamically linked; the test image needs busybox-static"
    ctx=$(mktemp -d /tmp/ucrun-test-image.XXXXXX)
    on_exit rm -rf "$ctx"
    mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp" "$ctx/rootfs/etc"
    cp "$busybox" "$ctx/rootfs/bin/busybox"
    local applet
    for applet in $("$busybox" --list); do
        [[ $applet == busybox ]] || ln -s busybox "$ctx/rootfs/bin/$applet"
    done
    echo 'root:x:0:0:root:/:/bin/sh' >"$ctx/rootfs/etc/passwd"
    echo 'root:x:0:' >"$ctx/rootfs/etc/group"
    cat >"$ctx/Containerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/bin
CMD ["/bin/sh"]
EOF
    podman build --pull=never -q -t "$TEST_IMAGE" -f "$ctx/Containerfile" "$ctx" >/dev/null ||
        fail "podman build of $TEST_IMAGE failed"
    if [[ ${UCRUN_TEST_KEEP_IMAGE:-0} != 1 ]]; then
        on_exit podman rmi "$TEST_IMAGE"  # no -f: never removes containers using it
    fi
}

# pm_status NAME: podman's State.Status of NAME.
pm_status() { podman inspect --format '{{.State.Status}}' "$1" 2>/dev/null; }
pm_status_is() { [[ $(pm_status "$1") == "$2" ]]; }
