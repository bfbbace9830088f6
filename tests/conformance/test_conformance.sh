#!/usr/bin/env bash
# Conformance of ucrun's OCI command line against crun, without podman.
#
# Every scenario runs twice on hand-made busybox bundles: once against `crun --root A`, once
# against `ucrun --root B` (ucrun keeps its delegate's state under B/crun). Each run writes a
# transcript of outcomes (exit codes, `state` JSON, container output and exit status, files
# the container or hooks wrote), normalised (ids, paths, pids, timestamps). The scenario
# conforms when both transcripts are equal. stderr texts are compared too, but only reported
# (set CONFORMANCE_STRICT_STDERR=1 to make them count). Containers run detached (create +
# start, stdio to files) under a subreaper that records their exit status, as conmon does.
#
# Env: UCRUN_BIN (default $UCRUN_BUILD_DIR/cli/ucrun), CRUN_BIN (default: crun on PATH),
#      CONFORMANCE_ONLY=<regex> runs the matching scenarios only,
#      CONFORMANCE_KEEP=1 keeps the work directory for inspection.

. "$(dirname "${BASH_SOURCE[0]}")/../system/lib.sh"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HELPER=(python3 "$HERE/oci_helper.py")

require_root
require_cmd jq python3 busybox
require_host_setup
CRUN_BIN=${CRUN_BIN:-$(command -v crun)} || fail "crun not found"
UCRUN_BIN=${UCRUN_BIN:-$UCRUN_BUILD_DIR/cli/ucrun}
[[ -x $UCRUN_BIN ]] || fail "ucrun binary missing at $UCRUN_BIN (cmake --build <dir> --target ucrun)"
BUSYBOX=$(command -v busybox)

WORK=$(mktemp -d /tmp/ucrun-conformance.XXXXXX)
if [[ ${CONFORMANCE_KEEP:-0} == 1 ]]; then
    log "work directory kept: $WORK"
else
    on_exit rm -rf "$WORK"
fi
: >"$WORK/ids" # "<runtime-bin> <root> <id>" of every container ever created
: >"$WORK/reapers"
on_exit_eval cleanup_everything

cleanup_everything() {
    local bin root id pid
    while read -r bin root id; do
        "$bin" --root "$root" delete --force "$id" >/dev/null 2>&1
        # Belt and braces: if ucrun lost track of one, its delegate still has it.
        [[ -d $root/crun ]] && "$CRUN_BIN" --root "$root/crun" delete --force "$id" >/dev/null 2>&1
    done <"$WORK/ids"
    while read -r pid; do
        kill "$pid" 2>/dev/null
    done <"$WORK/reapers"
    # Unmount whatever a broken runtime may have left in our tree.
    grep -o " $WORK/[^ ]*" /proc/self/mounts | sort -r | while read -r m; do umount -l "$m"; done
    return 0
}

# ---- rootfs and bundles ----------------------------------------------------------------
TEMPLATE=$WORK/template
mkdir -p "$TEMPLATE/rootfs/bin" "$TEMPLATE/rootfs/etc" "$TEMPLATE/rootfs/tmp"
cp "$BUSYBOX" "$TEMPLATE/rootfs/bin/busybox"
for applet in $("$BUSYBOX" --list); do
    [[ $applet == busybox ]] || ln -s busybox "$TEMPLATE/rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/:/bin/sh\nuser:x:1000:1000::/tmp:/bin/sh\n' >"$TEMPLATE/rootfs/etc/passwd"
printf 'root:x:0:\nuser:x:1000:\n' >"$TEMPLATE/rootfs/etc/group"
(cd "$TEMPLATE" && "$CRUN_BIN" spec) || fail "crun spec failed"
BASE_CONFIG=$TEMPLATE/config.json

# bundle NAME ARGS_JSON [JQ_FILTER]: a fresh bundle under the scenario dir; prints its path.
# The base is `crun spec` with terminal off; the filter edits it further.
bundle() {
    local dir=$T/$1 args=$2 filter=${3:-.}
    mkdir -p "$dir"
    cp -al "$TEMPLATE/rootfs" "$dir/rootfs"
    jq --argjson args "$args" ".process.terminal = false | .process.args = \$args | $filter" \
        "$BASE_CONFIG" >"$dir/config.json" || fail "jq filter failed: $filter"
    printf '%s\n' "$dir"
}
sh_args() { jq -nc --arg s "$1" '["sh", "-c", $s]'; }

# ---- recording ---------------------------------------------------------------------------
# Per run: RT (crun|ucrun), RT_BIN, RT_ROOT, IDP (id prefix), T (scenario dir).
rec() { printf '%s\n' "$*" >>"$T/transcript"; }
expect() { # DESCRIPTION CMD...: a behaviour the reference runtime is known to have
    local what=$1
    shift
    "$@" >/dev/null 2>&1 || printf '%s\n' "$what" >>"$T/expect"
}
norm() {
    sed -e "s#$RT_ROOT/crun#<ROOT>#g" -e "s#$RT_ROOT#<ROOT>#g" -e "s#$T#<T>#g" \
        -e "s#$WORK#<WORK>#g" -e "s#$IDP##g" -e 's#^[^ ]*u\?crun: ##' -e 's#\r$##'
}
norm_json() {
    "${HELPER[@]}" norm --sub "$RT_ROOT/crun=<ROOT>" --sub "$RT_ROOT=<ROOT>" --sub "$T=<T>" \
        --sub "$WORK=<WORK>" --sub "$IDP="
}
# rec_text KEY FILE: the file's lines, normalised, into the transcript.
rec_text() {
    if [[ ! -e $2 ]]; then
        rec "$1: <missing>"
    elif [[ ! -s $2 ]]; then
        rec "$1: <empty>"
    else
        norm <"$2" | sed "s#^#$1| #" >>"$T/transcript"
    fi
}
# Error texts are compared after mapping the different spellings of "no such container"
# (crun's missing state file, ucrun's missing record) to one token.
norm_err() {
    norm | sed -E -e 's/^error: //' \
        -e "s/^error opening file \`<ROOT>\/([^/\`]*)\/status\`: No such file or directory$/<no such container \1>/" \
        -e "s/^cannot open directory '<ROOT>\/([^/']*)': No such file or directory$/<no such container \1>/" \
        -e 's/^container `([^`]*)` does not exist.*$/<no such container \1>/'
}
stderr_note() { # KEY FILE
    [[ -s $2 ]] && printf '%s: %s\n' "$1" "$(norm_err <"$2" | tr '\n' ' ')" >>"$T/stderr"
    return 0
}

# rt KEY ARGS...: run the runtime under test; records "KEY: rc=N"; output in $T/KEY.out/.err.
rt() {
    local key=$1
    shift
    printf '%s --root %s %s\n' "$RT" "$RT_ROOT" "$*" >>"$T/commands"
    "$RT_BIN" --root "$RT_ROOT" "$@" >"$T/$key.out" 2>"$T/$key.err" </dev/null
    LAST_RC=$?
    rec "$key: rc=$LAST_RC"
    stderr_note "$key" "$T/$key.err"
}
# rt_nz KEY ARGS...: same, but only zero / non-zero is compared (usage errors).
rt_nz() {
    local key=$1
    shift
    printf '%s --root %s %s\n' "$RT" "$RT_ROOT" "$*" >>"$T/commands"
    "$RT_BIN" --root "$RT_ROOT" "$@" >"$T/$key.out" 2>"$T/$key.err" </dev/null
    LAST_RC=$?
    if ((LAST_RC == 0)); then rec "$key: rc=0"; else rec "$key: rc=non-zero"; fi
    printf '%s: rc=%s %s\n' "$key" "$LAST_RC" "$(norm_err <"$T/$key.err" | head -3 | tr '\n' ' ')" >>"$T/stderr"
}

# state KEY NAME: records rc and status; FULL=1 records the whole normalised JSON.
state() {
    rt "$1" state "$IDP$2"
    if ((LAST_RC == 0)); then
        rec "$1 status: $(jq -r .status "$T/$1.out" 2>/dev/null || echo '<bad JSON>')"
        [[ ${FULL:-0} == 1 ]] && rec "$1 json: $(norm_json <"$T/$1.out")"
    fi
    return 0
}
status_of() { "$RT_BIN" --root "$RT_ROOT" state "$IDP$1" 2>/dev/null | jq -r .status 2>/dev/null; }
status_is() { [[ $(status_of "$1") == "$2" ]]; }
# wait_status NAME STATUS: bounded wait; records only a timeout.
wait_status() {
    wait_quiet 20 status_is "$1" "$2" || rec "$1: timed out waiting for status $2 (is $(status_of "$1"))"
}

cdir() { printf '%s/ctr-%s' "$T" "$1"; }
pidf() { printf '%s/ctr-%s/pid' "$T" "$1"; }

# create KEY NAME [CREATE ARGS...]: `create ARGS... <id>` under the subreaper, stdio to
# files; records the rc. REAP_OPTS (array) adds reaper options (--cwd, --extra-fd, --env).
create() {
    local key=$1 name=$2
    shift 2
    local d
    d=$(cdir "$name")
    # A second create of the same name (an error case) gets its own files.
    [[ -e $d ]] && d=$d.$key
    mkdir -p "$d"
    printf '%s %s %s\n' "$RT_BIN" "$RT_ROOT" "$IDP$name" >>"$WORK/ids"
    printf '%s --root %s create %s %s\n' "$RT" "$RT_ROOT" "$*" "$IDP$name" >>"$T/commands"
    "${HELPER[@]}" reap --out "$d/stdout" --err "$d/stderr" --rc "$d/create.rc" \
        --status "$d/exit" --pidfile "$d/pid" "${REAP_OPTS[@]}" -- \
        "$RT_BIN" --root "$RT_ROOT" create "$@" "$IDP$name" </dev/null >/dev/null 2>"$d/reaper.log" &
    echo $! >>"$WORK/reapers"
    if ! wait_quiet 30 test -s "$d/create.rc"; then
        rec "$key: create did not finish"
        LAST_RC=-1
        return 0
    fi
    LAST_RC=$(<"$d/create.rc")
    rec "$key: rc=$LAST_RC"
    if ((LAST_RC != 0)); then
        stderr_note "$key" "$d/stderr"
        : >"$d/stderr"
    fi
    return 0
}
REAP_OPTS=()
# create_std KEY NAME BUNDLE: the usual create (absolute bundle, pid file in the ctr dir).
create_std() { create "$1" "$2" --bundle "$3" --pid-file "$(pidf "$2")"; }

# wait_exit NAME: records the init's exit status (as the subreaper saw it).
wait_exit() {
    local d
    d=$(cdir "$1")
    if wait_quiet 20 test -s "$d/exit"; then
        rec "$1 exit: $(<"$d/exit")"
    else
        rec "$1 exit: <none within 20s>"
    fi
}
# ctr_output NAME: records the container's stdout and stderr (sorted if SORT=1).
ctr_output() {
    local d
    d=$(cdir "$1")
    if [[ ${SORT:-0} == 1 ]]; then
        sort -o "$d/stdout" "$d/stdout"
    fi
    rec_text "$1 stdout" "$d/stdout"
    rec_text "$1 stderr" "$d/stderr"
}
# wait_output NAME TEXT: bounded wait until the container printed TEXT.
wait_output() {
    wait_quiet 20 grep -q -- "$2" "$(cdir "$1")/stdout" || rec "$1: '$2' never printed"
}
# root_files: regular files under the runtime's root (ucrun's own and its delegate's).
root_files() { find "$RT_ROOT" -type f 2>/dev/null | wc -l; }

# ---- scenarios ---------------------------------------------------------------------------
# Each sc_NAME runs in a subshell with the per-run variables set. Keep them deterministic:
# wait for states, never sleep for timing.

SCENARIOS=()
scenario() { SCENARIOS+=("$1|$2"); }

LOOP='while :; do sleep 0.1; done'
TRAPS='for s in HUP INT USR1 USR2 ALRM WINCH; do trap "echo got $s" $s; done; trap "echo got TERM; exit 7" TERM'

scenario lifecycle "create, state, start, state, kill, state, delete, state: the legal order"
sc_lifecycle() {
    local B
    B=$(bundle b "$(sh_args "$TRAPS; echo hello; echo oops >&2; ls /proc/self/fd; echo ready; $LOOP")" \
        '.annotations = {"org.example.a": "1", "org.example.b": "two"}')
    create_std create c "$B"
    FULL=1 state state-created c
    expect "state pid equals the pid file" test "$(jq -r .pid "$T/state-created.out")" = "$(cat "$(pidf c)")"
    expect "status created" test "$(jq -r .status "$T/state-created.out")" = created
    expect "annotations in state" test "$(jq -r '.annotations["org.example.b"]' "$T/state-created.out")" = two
    rt start start "${IDP}c"
    wait_output c ready
    FULL=1 state state-running c
    expect "status running" test "$(jq -r .status "$T/state-running.out")" = running
    rt kill kill "${IDP}c" TERM
    wait_exit c
    FULL=1 state state-stopped c
    expect "status stopped" test "$(jq -r .status "$T/state-stopped.out")" = stopped
    ctr_output c
    rt delete delete "${IDP}c"
    state state-deleted c
    expect "state fails after delete" test "$LAST_RC" -ne 0
}

scenario exit_codes "the init's exit code 0, 1, 42, 255 and the container's output"
sc_exit_codes() {
    local code B
    for code in 0 1 42 255; do
        B=$(bundle "b$code" "$(sh_args "echo out-$code; echo err-$code >&2; exit $code")")
        create_std "create-$code" "e$code" "$B"
        rt "start-$code" start "${IDP}e$code"
        wait_exit "e$code"
        ctr_output "e$code"
        wait_status "e$code" stopped
        state "state-$code" "e$code"
        rt "delete-$code" delete "${IDP}e$code"
    done
    expect "exit 42 recorded" grep -q '^e42 exit: exit 42$' "$T/transcript"
}

scenario unknown_id "every verb on an unknown id, and nothing written under --root"
sc_unknown_id() {
    local before v
    before=$(root_files)
    state state nope
    rt start start "${IDP}nope"
    rt kill kill "${IDP}nope" KILL
    rt kill-all kill --all "${IDP}nope" KILL
    rt delete delete "${IDP}nope"
    rt delete-force delete --force "${IDP}nope"
    rt pause pause "${IDP}nope"
    rt resume resume "${IDP}nope"
    rt ps ps "${IDP}nope"
    rt exec exec "${IDP}nope" true
    echo '{}' >"$T/res.json"
    rt update update --resources "$T/res.json" "${IDP}nope"
    rec "files added under root: $(($(root_files) - before))"
    for v in state start kill delete pause; do
        expect "$v fails on unknown id" grep -q "^$v: rc=1$" "$T/transcript"
    done
}

scenario create_twice "create an id that exists"
sc_create_twice() {
    local B
    B=$(bundle b "$(sh_args "$LOOP")")
    create_std create1 c "$B"
    create create2 c --bundle "$B"
    expect "second create fails" test "$LAST_RC" -ne 0
    state state c
    rt delete delete "${IDP}c"
}

scenario recreate_refused "create again an id whose create the runtime refused (bad mount)"
sc_recreate_refused() {
    local bad good
    bad=$(bundle bad "$(sh_args "$LOOP")" \
        '.mounts += [{"destination": "/x", "type": "bind", "source": "/no/such/dir", "options": ["bind"]}]')
    good=$(bundle good "$(sh_args "$LOOP")")
    create create-refused c --bundle "$bad"
    expect "the create with a bad mount fails" test "$LAST_RC" -ne 0
    # A refused create leaves no file of the runtime's behind (crun leaves none; ucrun records
    # only unikernels).
    local left
    left=$(find "$RT_ROOT" -mindepth 1 -type f 2>/dev/null | norm | sort | tr '\n' ' ')
    rec "files under root after the refused create: ${left:-none}"
    state state-refused c
    create_std create-again c "$good"
    expect "the second create succeeds" test "$LAST_RC" -eq 0
    state state-again c
    expect "status created" test "$(status_of c)" = created
    rt delete delete --force "${IDP}c"
}

scenario start_twice "start a running container"
sc_start_twice() {
    local B
    B=$(bundle b "$(sh_args "echo ready; $LOOP")")
    create_std create c "$B"
    rt start1 start "${IDP}c"
    wait_output c ready
    rt start2 start "${IDP}c"
    expect "second start fails" test "$LAST_RC" -ne 0
    state state c
    rt delete delete --force "${IDP}c"
    wait_exit c
}

scenario start_stopped "start a stopped container"
sc_start_stopped() {
    local B
    B=$(bundle b '["true"]')
    create_std create c "$B"
    rt start1 start "${IDP}c"
    wait_exit c
    wait_status c stopped
    rt start2 start "${IDP}c"
    expect "start of stopped fails" test "$LAST_RC" -ne 0
    state state c
    rt delete delete "${IDP}c"
}

scenario delete_running "delete without --force on a running container, then --force"
sc_delete_running() {
    local B
    B=$(bundle b "$(sh_args "echo ready; $LOOP")")
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_output c ready
    rt delete delete "${IDP}c"
    expect "delete of running fails" test "$LAST_RC" -ne 0
    state state1 c
    rt delete-force delete --force "${IDP}c"
    expect "delete --force of running works" test "$LAST_RC" -eq 0
    state state2 c
    wait_exit c
    expect "init was killed" grep -q '^c exit: signal 9$' "$T/transcript"
}

scenario delete_created "delete (with and without --force) of created containers"
sc_delete_created() {
    local B
    B=$(bundle b '["true"]')
    create_std create1 c1 "$B"
    rt delete1 delete "${IDP}c1"
    state state1 c1
    wait_exit c1
    create_std create2 c2 "$B"
    rt delete2 delete --force "${IDP}c2"
    state state2 c2
    wait_exit c2
}

scenario delete_twice "delete a stopped container twice; state after delete"
sc_delete_twice() {
    local B
    B=$(bundle b '["true"]')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    wait_status c stopped
    rt delete1 delete "${IDP}c"
    rt delete2 delete "${IDP}c"
    rt delete3 delete --force "${IDP}c"
    state state c
}

scenario kill_created "kill a created container (before start)"
sc_kill_created() {
    local B
    B=$(bundle b "$(sh_args "echo never")")
    create_std create c "$B"
    rt kill kill "${IDP}c" KILL
    wait_exit c
    wait_status c stopped
    state state c
    rt start start "${IDP}c"
    ctr_output c
    rt delete delete "${IDP}c"
}

scenario kill_stopped "kill a stopped container"
sc_kill_stopped() {
    local B
    B=$(bundle b '["true"]')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    wait_status c stopped
    rt kill kill "${IDP}c" KILL
    rt kill-all kill --all "${IDP}c" KILL
    state state c
    rt delete delete "${IDP}c"
}

scenario pause_resume "pause/resume in legal and illegal orders"
sc_pause_resume() {
    local B
    B=$(bundle b "$(sh_args "$TRAPS; echo ready; $LOOP")")
    create_std create c "$B"
    rt pause-created pause "${IDP}c"
    rt resume-created resume "${IDP}c"
    rt start start "${IDP}c"
    wait_output c ready
    rt pause pause "${IDP}c"
    FULL=1 state state-paused c
    expect "status paused" test "$(jq -r .status "$T/state-paused.out")" = paused
    rt pause2 pause "${IDP}c"
    rt start-paused start "${IDP}c"
    rt delete-paused delete "${IDP}c"
    rt resume resume "${IDP}c"
    state state-resumed c
    rt resume2 resume "${IDP}c"
    rt pause3 pause "${IDP}c"
    rt delete-force-paused delete --force "${IDP}c"
    state state-deleted c
    wait_exit c
}

# One container per signal spelling. The init traps the catchable signals it is sent and
# exits 7 on TERM. Signals that do not end it are followed by TERM.
ticks_above() { (($(grep -c tick "$(cdir "$1")/stdout") > $2)); }
scenario kill_signals "kill with names, SIG names and numbers; default signal; odd spellings"
sc_kill_signals() {
    local B i=0 sig
    # The loop prints a tick after every sleep; traps run when a sleep ends, so two new ticks
    # after a kill mean the traps for it have run (busybox sh runs pending traps in signal
    # number order, so a pending TERM would otherwise pre-empt e.g. a pending WINCH).
    B=$(bundle b "$(sh_args "$TRAPS; echo ready; while :; do sleep 0.1; echo tick; done")")
    for sig in TERM SIGTERM 15 KILL SIGKILL 9 HUP SIGHUP 1 USR1 SIGUSR1 10 WINCH 28 INT 2 \
        '' kill sigkill Term FOO 0 99 -9 SIGRTMIN+1 64 ' 9'; do
        i=$((i + 1))
        create_std "create-$i" "s$i" "$B"
        rt "start-$i" start "${IDP}s$i"
        wait_output "s$i" ready
        if [[ -z $sig ]]; then
            rt "kill-$i(default)" kill "${IDP}s$i"
        else
            rt "kill-$i($sig)" kill "${IDP}s$i" "$sig"
        fi
        case $sig in
        TERM | SIGTERM | 15 | KILL | SIGKILL | 9 | '') ;;
        *)
            # Still running unless the spelling meant something deadly.
            local ticks
            ticks=$(grep -c tick "$(cdir "s$i")/stdout")
            wait_quiet 20 ticks_above "s$i" $((ticks + 1))
            if status_is "s$i" running; then
                "$RT_BIN" --root "$RT_ROOT" kill "${IDP}s$i" TERM >/dev/null 2>&1
            fi
            ;;
        esac
        wait_exit "s$i"
        sed -i '/^tick$/d' "$(cdir "s$i")/stdout"
        SORT=1 ctr_output "s$i"
        rt "delete-$i" delete --force "${IDP}s$i"
    done
    expect "TERM by name reaches the trap" grep -q '^s1 exit: exit 7$' "$T/transcript"
    expect "9 kills" grep -q '^s6 exit: signal 9$' "$T/transcript"
}

scenario kill_all "kill --all reaches every process of the container"
sc_kill_all() {
    local B
    B=$(bundle b "$(sh_args 'sleep 1000 & sleep 1000 & echo ready; wait; echo waited')")
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_output c ready
    rt ps ps "${IDP}c"
    rec "ps count: $(jq length "$T/ps.out" 2>/dev/null || echo '<not JSON>')"
    rt kill-all-term kill --all "${IDP}c" TERM
    wait_exit c
    ctr_output c
    wait_status c stopped
    state state c
    rt delete delete "${IDP}c"

    create_std create2 k "$B"
    rt start2 start "${IDP}k"
    wait_output k ready
    rt kill-all-kill kill --all "${IDP}k" SIGKILL
    wait_exit k
    wait_status k stopped
    state state2 k
    rt delete2 delete "${IDP}k"
    expect "kill --all KILL kills init" grep -q '^k exit: signal 9$' "$T/transcript"
}

scenario pid_file "--pid-file absolute, relative to the caller's cwd, and in a missing directory"
sc_pid_file() {
    local B
    B=$(bundle b "$(sh_args "$LOOP")")
    create_std create-abs a "$B"
    state state-abs a
    expect "absolute pid file = state pid" test "$(jq -r .pid "$T/state-abs.out")" = "$(cat "$(pidf a)")"
    rec "pid file content is the state pid: $([[ $(jq -r .pid "$T/state-abs.out") == "$(cat "$(pidf a)" 2>/dev/null)" ]] && echo yes || echo no)"
    mkdir -p "$T/cwd"
    REAP_OPTS=(--cwd "$T/cwd")
    create create-rel r --bundle "$B" --pid-file rel.pid
    REAP_OPTS=()
    state state-rel r
    rec "relative pid file written in caller's cwd: $([[ -s $T/cwd/rel.pid ]] && echo yes || echo no)"
    rec "relative pid file = state pid: $([[ $(jq -r .pid "$T/state-rel.out") == "$(cat "$T/cwd/rel.pid" 2>/dev/null)" ]] && echo yes || echo no)"
    rec "pid file has no newline: $([[ $(wc -l <"$T/cwd/rel.pid" 2>/dev/null) == 0 ]] && echo yes || echo no)"
    create create-missing m --bundle "$B" --pid-file "$T/no/such/dir/pid"
    state state-missing m
    rt delete-a delete --force "${IDP}a"
    rt delete-r delete --force "${IDP}r"
    rt delete-m delete --force "${IDP}m"
}

scenario bundle_forms "--bundle absolute, relative, -b, and none (cwd); state.bundle"
sc_bundle_forms() {
    local B
    B=$(bundle b "$(sh_args "$LOOP")")
    create create-abs a --bundle "$B"
    FULL=1 state state-abs a
    REAP_OPTS=(--cwd "$T")
    create create-rel r --bundle b
    FULL=1 state state-rel r
    create create-short s -b b
    FULL=1 state state-short s
    REAP_OPTS=(--cwd "$B")
    create create-none n
    FULL=1 state state-none n
    REAP_OPTS=()
    expect "bundle is absolute" test "$(jq -r .bundle "$T/state-rel.out")" = "$B"
    local x
    for x in a r s n; do rt "delete-$x" delete --force "${IDP}$x"; done
}

scenario bad_bundle "missing bundle, missing and malformed config.json; nothing left under --root"
sc_bad_bundle() {
    local before B
    before=$(root_files)
    create create-nodir a --bundle "$T/does-not-exist"
    state state-nodir a
    mkdir -p "$T/empty"
    create create-noconfig b --bundle "$T/empty"
    state state-noconfig b
    B=$(bundle bad '["true"]')
    echo '{ "ociVersion": "1.0.0", "process": ' >"$B/config.json"
    create create-malformed c --bundle "$B"
    state state-malformed c
    B=$(bundle badargs '["/no/such/binary"]')
    create create-nobinary d --bundle "$B"
    state state-nobinary d
    [[ $(status_of d) == created ]] && rt start-nobinary start "${IDP}d"
    rt delete-d delete --force "${IDP}d"
    rec "files added under root: $(($(root_files) - before))"
}

scenario console_socket "terminal: true with --console-socket (pty master over SCM_RIGHTS); and without"
sc_console_socket() {
    local B d
    B=$(bundle b "$(sh_args 'tty; [ -t 0 ] && echo stdin-is-tty; [ -t 1 ] && echo stdout-is-tty; stty size; echo done')" \
        '.process.terminal = true | .process.consoleSize = {"height": 30, "width": 100}')
    d=$T/console
    mkdir -p "$d"
    "${HELPER[@]}" console --socket "$d/sock" --out "$d/out" --info "$d/info" --ready "$d/ready" \
        >/dev/null 2>"$d/log" &
    echo $! >>"$WORK/reapers"
    wait_quiet 10 test -e "$d/ready" || rec "console receiver not ready"
    create create c --bundle "$B" --pid-file "$(pidf c)" --console-socket "$d/sock"
    rt start start "${IDP}c"
    wait_exit c
    wait_quiet 10 test -e "$d/out" || rec "console output never closed"
    rec_text "console info" "$d/info"
    rec_text "console output" "$d/out"
    ctr_output c
    rt delete delete "${IDP}c"
    expect "console carried the output" grep -q "done" "$d/out"

    create create-nosock n --bundle "$B" --pid-file "$(pidf n)"
    state state-nosock n
    rt delete-nosock delete --force "${IDP}n"
}

scenario preserve_fds "--preserve-fds passes fds 3.. to the init; no other fd leaks"
sc_preserve_fds() {
    local B
    B=$(bundle b "$(sh_args 'echo to-three >&3; echo to-four >&4; ls /proc/self/fd | sort -n | tr "\n" " "; echo; env | grep LISTEN | sort')")
    REAP_OPTS=(--extra-fd "$T/fd3" --extra-fd "$T/fd4")
    create create c --bundle "$B" --pid-file "$(pidf c)" --preserve-fds 2
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rec_text fd3 "$T/fd3"
    rec_text fd4 "$T/fd4"
    rt delete delete "${IDP}c"
    expect "fd 3 reached the container" grep -q to-three "$T/fd3"
    # Without --preserve-fds the extra fds must not reach the container.
    create create-none n --bundle "$B" --pid-file "$(pidf n)"
    REAP_OPTS=()
    rt start-none start "${IDP}n"
    wait_exit n
    ctr_output n
    rt delete-none delete "${IDP}n"
}

# Hook args: NAME DIR...; the hook writes into the first DIR that exists where it runs.
HOOK_CMD='n=$0; for d in "$@"; do [ -d "$d" ] && break; done; cat > "$d/$n.json"; echo "$n $HOOKVAR $d" >> "$d/order"'
scenario hooks "prestart, createRuntime, createContainer, startContainer, poststart, poststop"
sc_hooks() {
    local B m filter
    m=$T/marks
    mkdir -p "$m"
    # Host-side hooks write to $m; container-side hooks write to the same dir bound at /marks.
    filter=$(jq -nc --arg m "$m" --arg cmd "$HOOK_CMD" '
      def h(name): {path: "/bin/sh", args: ["sh", "-c", $cmd, name, "/marks", $m], env: ["HOOKVAR=v-" + name]};
      {prestart: [h("prestart")], createRuntime: [h("createRuntime")],
       createContainer: [h("createContainer")], startContainer: [h("startContainer")],
       poststart: [h("poststart")], poststop: [h("poststop")]}')
    B=$(bundle b "$(sh_args "echo in-container >> /marks/order; echo ready; $LOOP")" \
        ".hooks = $filter | .mounts += [{\"destination\": \"/marks\", \"type\": \"bind\", \"source\": \"$m\", \"options\": [\"rbind\", \"rw\"]}]")
    create_std create c "$B"
    rec_text "order after create" "$m/order"
    rt start start "${IDP}c"
    wait_output c ready
    # poststart (runtime side) and startContainer (container side) race: compare them sorted.
    sort "$m/order" >"$T/order-start"
    rec_text "order after start (sorted)" "$T/order-start"
    rt kill kill "${IDP}c" KILL
    wait_exit c
    wait_status c stopped
    rt delete delete "${IDP}c"
    rec "last hook: $(tail -1 "$m/order" | norm)"
    local h
    for h in prestart createRuntime createContainer startContainer poststart poststop; do
        if [[ -s $m/$h.json ]]; then
            rec "$h state: $(norm_json <"$m/$h.json")"
        else
            rec "$h state: <none>"
        fi
    done
    expect "poststop ran" test -s "$m/poststop.json"
}

scenario hook_fail "a failing prestart hook fails create; a failing poststop hook on delete"
# The failing hooks read their stdin first: a hook that exits before the runtime has written
# the state to it makes crun die of SIGPIPE (rc 141) at random.
sc_hook_fail() {
    local B
    B=$(bundle b '["true"]' '.hooks = {prestart: [{path: "/bin/sh", args: ["sh", "-c", "cat >/dev/null; echo hook-says-no >&2; exit 3"]}]}')
    create_std create c "$B"
    state state c
    rt delete delete --force "${IDP}c"
    B=$(bundle b2 '["true"]' '.hooks = {poststop: [{path: "/bin/sh", args: ["sh", "-c", "cat >/dev/null; exit 4"]}]}')
    create_std create2 p "$B"
    rt start2 start "${IDP}p"
    wait_exit p
    wait_status p stopped
    rt delete2 delete "${IDP}p"
    state state2 p
}

scenario rlimits "process.rlimits applied; a limit above the hard limit fails create"
sc_rlimits() {
    local B
    B=$(bundle b "$(sh_args 'grep -E "^Max (open files|processes|core file size)" /proc/self/limits')" \
        '.process.rlimits = [{type: "RLIMIT_NOFILE", soft: 512, hard: 800},
                             {type: "RLIMIT_NPROC", soft: 300, hard: 400},
                             {type: "RLIMIT_CORE", soft: 0, hard: 0}]')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rt delete delete "${IDP}c"
    expect "nofile applied" grep -q 'Max open files *512 *800' "$(cdir c)/stdout"
    B=$(bundle big '["true"]' '.process.rlimits = [{type: "RLIMIT_NOFILE", soft: 1048576, hard: 1048576}]')
    create_std create-big g "$B"
    state state-big g
    rt delete-big delete --force "${IDP}g"
}

scenario capabilities "process.capabilities sets and noNewPrivileges"
sc_capabilities() {
    local B
    B=$(bundle b "$(sh_args 'grep -E "^(Cap|NoNewPrivs)" /proc/self/status')" \
        '.process.capabilities = {bounding: ["CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW", "CAP_SETUID"],
                                  effective: ["CAP_CHOWN", "CAP_KILL"],
                                  permitted: ["CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW"],
                                  inheritable: ["CAP_KILL"], ambient: ["CAP_KILL"]}
         | .process.noNewPrivileges = true')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rt delete delete "${IDP}c"
    B=$(bundle all "$(sh_args 'grep -E "^(CapEff|NoNewPrivs)" /proc/self/status')" \
        '.process.capabilities = {} | .process.noNewPrivileges = false')
    create_std create-none n "$B"
    rt start-none start "${IDP}n"
    wait_exit n
    ctr_output n
    rt delete-none delete "${IDP}n"
}

scenario env "process.env as given (spaces, '=', empty values)"
sc_env() {
    local B
    B=$(bundle b "$(sh_args 'env | sort')" \
        '.process.env = ["PATH=/bin:/usr/bin", "FOO=bar baz", "EMPTY=", "MULTI=a=b=c", "TERM=dumb"]')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rt delete delete "${IDP}c"
    expect "FOO reached" grep -qx 'FOO=bar baz' "$(cdir c)/stdout"
}

scenario cwd "process.cwd existing and missing (created by the runtime)"
sc_cwd() {
    local B
    B=$(bundle b '["pwd"]' '.process.cwd = "/bin"')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rt delete delete "${IDP}c"
    B=$(bundle m "$(sh_args 'pwd; ls -ld . | cut -c1-10')" '.process.cwd = "/new/work/dir" | .root.readonly = false')
    create_std create-missing m "$B"
    rt start-missing start "${IDP}m"
    wait_exit m
    ctr_output m
    rt delete-missing delete "${IDP}m"
}

scenario user "process.user uid, gid, additionalGids, umask"
sc_user() {
    local B
    B=$(bundle b "$(sh_args 'id; umask; touch /tmp/f && ls -ln /tmp/f | cut -c1-10,11-30 | tr -s " "')" \
        '.process.user = {uid: 1000, gid: 1000, additionalGids: [5, 100], umask: 23}
         | .mounts += [{destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["mode=1777"]}]')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rt delete delete "${IDP}c"
    expect "uid applied" grep -q 'uid=1000' "$(cdir c)/stdout"
}

scenario mounts "a rw bind mount, a ro bind mount and a tmpfs"
sc_mounts() {
    local B
    mkdir -p "$T/data" "$T/rodata"
    echo host-file >"$T/rodata/in"
    B=$(bundle b "$(sh_args 'echo from-ctr > /data/out; cat /ro/in; echo x > /ro/x 2>/dev/null || echo ro-write-failed;
                           grep -E " /(data|ro|scratch) " /proc/mounts | cut -d" " -f2-4 | sed "s/,seclabel//"; df -k /scratch | tail -1 | tr -s " " | cut -d" " -f2')" \
        ".mounts += [{destination: \"/data\", type: \"bind\", source: \"$T/data\", options: [\"rbind\", \"rw\"]},
                     {destination: \"/ro\", type: \"bind\", source: \"$T/rodata\", options: [\"rbind\", \"ro\"]},
                     {destination: \"/scratch\", type: \"tmpfs\", source: \"tmpfs\", options: [\"nosuid\", \"size=1m\", \"mode=1777\"]}]")
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_exit c
    ctr_output c
    rec_text "host sees" "$T/data/out"
    rt delete delete "${IDP}c"
    expect "bind mount written" grep -q from-ctr "$T/data/out"
}

scenario readonly_root "root.readonly true and false"
sc_readonly_root() {
    local B ro
    for ro in true false; do
        B=$(bundle "b$ro" "$(sh_args 'touch /newfile 2>/dev/null && echo wrote || echo read-only; grep " / " /proc/mounts | cut -d" " -f4 | cut -d, -f1')" \
            ".root.readonly = $ro")
        create_std "create-$ro" "r$ro" "$B"
        rt "start-$ro" start "${IDP}r$ro"
        wait_exit "r$ro"
        ctr_output "r$ro"
        rt "delete-$ro" delete "${IDP}r$ro"
    done
    expect "read-only root refused the write" grep -q read-only "$(cdir rtrue)/stdout"
}

scenario exec "exec inline, with --process, --detach --pid-file, exit codes, on a stopped container"
sc_exec() {
    local B
    B=$(bundle b "$(sh_args "echo ready; $LOOP")")
    create_std create c "$B"
    rt exec-created exec "${IDP}c" true
    rt start start "${IDP}c"
    wait_output c ready
    rt exec-inline exec "${IDP}c" sh -c 'echo in-exec; echo $FOO; exit 5'
    rec_text exec-inline.out "$T/exec-inline.out"
    rt exec-env exec --env FOO=bar --cwd /bin "${IDP}c" /bin/sh -c 'echo $FOO; pwd'
    rec_text exec-env.out "$T/exec-env.out"
    jq -n '{args: ["sh", "-c", "echo via-process $X; id -u; exit 3"], env: ["X=1", "PATH=/bin"], cwd: "/",
            user: {uid: 1000, gid: 1000}, terminal: false}' >"$T/process.json"
    rt exec-process exec --process "$T/process.json" "${IDP}c"
    rec_text exec-process.out "$T/exec-process.out"
    rt exec-detach exec --detach --pid-file "$T/exec.pid" "${IDP}c" sh -c 'echo detached > /dev/shm/d'
    rec "exec pid file written: $([[ -s $T/exec.pid ]] && echo yes || echo no)"
    wait_quiet 10 "$RT_BIN" --root "$RT_ROOT" exec "${IDP}c" test -s /dev/shm/d || rec "detached exec left no file"
    rt exec-missing exec "${IDP}c" /no/such/binary
    rt kill kill "${IDP}c" KILL
    wait_exit c
    wait_status c stopped
    rt exec-stopped exec "${IDP}c" true
    rt delete delete "${IDP}c"
    expect "inline exec exit code" grep -q '^exec-inline: rc=5$' "$T/transcript"
}

scenario exec_tty_fds "exec --tty --console-socket --detach (podman exec -it) and exec --preserve-fds"
sc_exec_tty_fds() {
    local B d
    B=$(bundle b "$(sh_args "echo ready; $LOOP")")
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_output c ready
    d=$T/console
    mkdir -p "$d"
    "${HELPER[@]}" console --socket "$d/sock" --out "$d/out" --info "$d/info" --ready "$d/ready" \
        >/dev/null 2>"$d/log" &
    echo $! >>"$WORK/reapers"
    wait_quiet 10 test -e "$d/ready" || rec "console receiver not ready"
    rt exec-tty exec --tty --console-socket "$d/sock" --detach --pid-file "$T/exec.pid" "${IDP}c" \
        sh -c 'tty; [ -t 0 ] && echo stdin-is-tty; echo exec-done'
    wait_quiet 20 test -e "$d/out" || rec "exec console output never closed"
    rec_text "exec console info" "$d/info"
    rec_text "exec console output" "$d/out"
    rec "exec pid file written: $([[ -s $T/exec.pid ]] && echo yes || echo no)"
    # --preserve-fds on exec: fd 3 of the caller reaches the process.
    printf '%s --root %s exec --preserve-fds 1 %s ... 3>>fd3\n' "$RT" "$RT_ROOT" "${IDP}c" >>"$T/commands"
    "$RT_BIN" --root "$RT_ROOT" exec --preserve-fds 1 "${IDP}c" sh -c 'echo via-fd3 >&3; ls /proc/self/fd | sort -n | tr "\n" " "; echo' \
        3>>"$T/fd3" >"$T/exec-fds.out" 2>"$T/exec-fds.err" </dev/null
    rec "exec-fds: rc=$?"
    stderr_note exec-fds "$T/exec-fds.err"
    rec_text exec-fds.out "$T/exec-fds.out"
    rec_text fd3 "$T/fd3"
    rt delete delete --force "${IDP}c"
    expect "exec tty output" grep -q exec-done "$d/out"
}

scenario list_ps "list (table, -q, json) and ps"
sc_list_ps() {
    local B
    # Exactly two processes while ps runs (the shell and its sleep, forked before "ready"): a
    # loop of short sleeps would have one or two, as the moment falls.
    B=$(bundle b "$(sh_args "sleep 1000 & echo ready; wait")")
    create_std create1 a "$B"
    create_std create2 b "$B"
    rt start start "${IDP}b"
    wait_output b ready
    rt list-q list -q
    rec "list -q: $(norm <"$T/list-q.out" | grep . | sort | tr '\n' ' ')"
    rt list list
    rec "list header: $(head -1 "$T/list.out" | tr -s ' ')"
    rec "list rows (id status): $(tail -n +2 "$T/list.out" | norm | awk '{print $1, $3}' | sort | tr '\n' ' ')"
    rt list-json list --format json
    rec "list json: $(jq -c '[.[] | {id, status}] | sort_by(.id)' "$T/list-json.out" 2>/dev/null | norm)"
    rt ps ps "${IDP}b"
    rec "ps (json) length: $(jq length "$T/ps.out" 2>/dev/null || echo '<not JSON>')"
    rt ps-json ps --format json "${IDP}b"
    rec "ps --format json length: $(jq length "$T/ps-json.out" 2>/dev/null || echo '<not JSON>')"
    rt delete-a delete --force "${IDP}a"
    rt delete-b delete --force "${IDP}b"
}

scenario update "update --resources FILE and - (memory limit seen in the cgroup)"
sc_update() {
    local B pid cg
    B=$(bundle b "$(sh_args "echo ready; $LOOP")" '.linux.resources.memory = {limit: 268435456}')
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_output c ready
    pid=$(cat "$(pidf c)")
    cg=$(awk -F: '$2 == "memory" {print $3}' "/proc/$pid/cgroup")
    rec "memory limit before: $(cat "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes" 2>/dev/null)"
    echo '{"memory": {"limit": 134217728}}' >"$T/res.json"
    rt update-file update --resources "$T/res.json" "${IDP}c"
    rec "memory limit after file: $(cat "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes" 2>/dev/null)"
    printf '%s --root %s update --resources - %s\n' "$RT" "$RT_ROOT" "${IDP}c" >>"$T/commands"
    echo '{"memory": {"limit": 67108864}}' | "$RT_BIN" --root "$RT_ROOT" update --resources - "${IDP}c" \
        >"$T/update-stdin.out" 2>"$T/update-stdin.err"
    rec "update-stdin: rc=$?"
    stderr_note update-stdin "$T/update-stdin.err"
    rec "memory limit after stdin: $(cat "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes" 2>/dev/null)"
    rt update-bad update --resources "$T/no-such-file.json" "${IDP}c"
    rt delete delete --force "${IDP}c"
}

scenario log_json "--log FILE --log-format json: errors as JSON lines with level and msg"
sc_log_json() {
    local B
    rt state-text --log "$T/text.log" state "${IDP}nope"
    rec "text log has the error: $([[ -s $T/text.log ]] && echo yes || echo no)"
    rt state-json --log "$T/json.log" --log-format json state "${IDP}nope"
    rec "json log lines: $(jq -c '{level, msg_present: (.msg | type == "string" and length > 0), keys: (keys - ["time"])}' "$T/json.log" 2>/dev/null | sort -u | tr '\n' ' ' || echo '<not JSON>')"
    B=$(bundle b '["true"]')
    rt create-json --log "$T/ok.log" --log-format json create --bundle "$B" "${IDP}c"
    printf '%s %s %s\n' "$RT_BIN" "$RT_ROOT" "${IDP}c" >>"$WORK/ids"
    rt delete-json --log "$T/ok.log" --log-format json delete --force "${IDP}c"
    rec "json log after success: $(jq -c .level "$T/ok.log" 2>/dev/null | sort -u | tr '\n' ' ')"
}

scenario usage_errors "unknown verb/flag, missing arguments (zero/non-zero compared)"
sc_usage_errors() {
    rt_nz no-verb
    rt_nz unknown-verb frobnicate
    rt_nz unknown-flag --no-such-flag state x
    rt_nz unknown-verb-flag state --no-such-flag x
    rt_nz state-no-id state
    rt_nz start-no-id start
    rt_nz kill-no-id kill
    rt_nz delete-no-id delete
    rt_nz create-no-id create --bundle "$T"
    rt_nz help --help
    rt_nz version --version
}

scenario spec "spec writes the same default config.json; refuses to overwrite"
sc_spec() {
    mkdir -p "$T/s"
    REAP_OPTS=()
    (cd "$T/s" && "$RT_BIN" --root "$RT_ROOT" spec >"$T/spec.out" 2>"$T/spec.err")
    rec "spec: rc=$?"
    rec "spec config: $(jq -cS . "$T/s/config.json" 2>/dev/null | norm || echo '<none>')"
    (cd "$T/s" && "$RT_BIN" --root "$RT_ROOT" spec >"$T/spec2.out" 2>"$T/spec2.err")
    rec "spec again: rc=$?"
    stderr_note spec2 "$T/spec2.err"
}

scenario init_killed "init killed from outside: state stopped, delete clears it"
sc_init_killed() {
    local B
    B=$(bundle b "$(sh_args "echo ready; $LOOP")")
    create_std create c "$B"
    rt start start "${IDP}c"
    wait_output c ready
    kill -KILL "$(cat "$(pidf c)")"
    wait_exit c
    wait_status c stopped
    state state c
    rt delete delete "${IDP}c"
    state state-after c
}

scenario features "features: same JSON fields (modulo ordering) as the reference"
sc_features() {
    if [[ $RT == crun ]]; then
        "$CRUN_BIN" features >"$T/features.out" 2>/dev/null
        if [[ $? -ne 0 || ! -s $T/features.out ]]; then
            # crun 1.8.1 has no `features`; the schema reference is runc's output.
            printf 'crun has no features verb; reference is runc features\n' >>"$T/notes"
            runc features >"$T/features.out" 2>/dev/null || fail "neither crun nor runc has features"
        fi
        rec "features: rc=0"
    else
        rt features features
    fi
    "${HELPER[@]}" features <"$T/features.out" >>"$T/transcript"
}

# ---- driver --------------------------------------------------------------------------------
run_one() { # RUNTIME NAME
    RT=$1
    local name=$2
    case $RT in
    crun) RT_BIN=$CRUN_BIN ;;
    ucrun) RT_BIN=$UCRUN_BIN ;;
    esac
    RT_ROOT=$WORK/$RT/root
    IDP="cf$$${RT:0:1}-"
    T=$WORK/$RT/$name
    mkdir -p "$T" "$RT_ROOT"
    : >"$T/transcript"
    : >"$T/stderr"
    : >"$T/expect"
    : >"$T/commands"
    : >"$T/notes"
    (
        trap - EXIT
        "sc_$name"
    ) >"$T/log" 2>&1
    # Whatever the scenario left: delete it now (quietly), so runs do not interfere.
    local bin root id left
    while read -r bin root id; do
        [[ $root == "$RT_ROOT" ]] || continue
        "$bin" --root "$root" delete --force "$id" >/dev/null 2>&1
    done <"$WORK/ids"
    # delete must leave nothing behind: neither ucrun's record nor its delegate's state.
    left=$(find "$RT_ROOT" -mindepth 1 -type f 2>/dev/null | norm | sort | tr '\n' ' ')
    rec "files left under root after deleting everything: ${left:-none}"
}

declare -A RESULT
N=0
PASS_CRUN=0
PASS_UCRUN=0
SAME=0
STDERR_DIFF=0
MISMATCHES=()
for entry in "${SCENARIOS[@]}"; do
    name=${entry%%|*}
    if [[ -n ${CONFORMANCE_ONLY:-} && ! $name =~ $CONFORMANCE_ONLY ]]; then
        continue
    fi
    N=$((N + 1))
    t0=$SECONDS
    run_one crun "$name"
    run_one ucrun "$name"
    c=$WORK/crun/$name
    u=$WORK/ucrun/$name
    [[ -s $c/expect ]] && crun_ok=FAIL || { crun_ok=pass; PASS_CRUN=$((PASS_CRUN + 1)); }
    [[ -s $u/expect ]] && ucrun_ok=FAIL || ucrun_ok=pass
    if cmp -s "$c/transcript" "$u/transcript"; then
        same=same
    else
        same=DIFF
        ucrun_ok=FAIL
    fi
    [[ $ucrun_ok == pass ]] && PASS_UCRUN=$((PASS_UCRUN + 1))
    [[ $same == same ]] && SAME=$((SAME + 1))
    stderr=same
    if ! cmp -s "$c/stderr" "$u/stderr"; then
        stderr=differs
        STDERR_DIFF=$((STDERR_DIFF + 1))
        if [[ ${CONFORMANCE_STRICT_STDERR:-0} == 1 && $ucrun_ok == pass ]]; then
            ucrun_ok=FAIL
            PASS_UCRUN=$((PASS_UCRUN - 1))
        fi
    fi
    RESULT[$name]="$crun_ok $ucrun_ok $same $stderr"
    [[ $same == DIFF || $ucrun_ok == FAIL ]] && MISMATCHES+=("$name")
    printf '%-16s crun:%-4s ucrun:%-4s outcomes:%-4s stderr:%-7s (%ds)\n' "$name" "$crun_ok" "$ucrun_ok" "$same" "$stderr" $((SECONDS - t0)) >&2
done

# ---- report --------------------------------------------------------------------------------
{
    echo
    echo "Details of differences (crun = ---, ucrun = +++):"
    for entry in "${SCENARIOS[@]}"; do
        name=${entry%%|*}
        [[ -n ${RESULT[$name]:-} ]] || continue
        read -r crun_ok ucrun_ok same stderr <<<"${RESULT[$name]}"
        [[ $same == same && $ucrun_ok == pass && $crun_ok == pass && $stderr == same ]] && continue
        echo
        echo "=== $name: ${entry#*|}"
        [[ -s $WORK/crun/$name/notes ]] && sed 's/^/    note: /' "$WORK/crun/$name/notes"
        if [[ $crun_ok == FAIL ]]; then
            echo "--- crun broke expectations (the reference itself!):"
            sed 's/^/    /' "$WORK/crun/$name/expect"
        fi
        if [[ -s $WORK/ucrun/$name/expect ]]; then
            echo "--- ucrun broke expectations:"
            sed 's/^/    /' "$WORK/ucrun/$name/expect"
        fi
        if [[ $same == DIFF ]]; then
            echo "--- outcome diff:"
            diff -u --label crun --label ucrun "$WORK/crun/$name/transcript" "$WORK/ucrun/$name/transcript" | tail -n +3 | sed 's/^/    /'
            echo "--- ucrun commands:"
            sed 's/^/    /' "$WORK/ucrun/$name/commands"
        fi
        if [[ $stderr == differs ]]; then
            echo "--- stderr diff (normalised):"
            diff -u --label crun --label ucrun "$WORK/crun/$name/stderr" "$WORK/ucrun/$name/stderr" | tail -n +3 | sed 's/^/    /'
        fi
    done
    echo
    printf '%-16s %-6s %-6s %-9s %-8s %s\n' SCENARIO CRUN UCRUN OUTCOMES STDERR DESCRIPTION
    for entry in "${SCENARIOS[@]}"; do
        name=${entry%%|*}
        [[ -n ${RESULT[$name]:-} ]] || continue
        read -r crun_ok ucrun_ok same stderr <<<"${RESULT[$name]}"
        printf '%-16s %-6s %-6s %-9s %-8s %s\n' "$name" "$crun_ok" "$ucrun_ok" "$same" "$stderr" "${entry#*|}"
    done
    echo
    echo "crun:  $PASS_CRUN/$N scenarios pass"
    echo "ucrun: $PASS_UCRUN/$N scenarios pass; outcomes equal to crun's in $SAME/$N; stderr text differs in $STDERR_DIFF"
}

if ((${#MISMATCHES[@]} > 0)); then
    fail "ucrun differs from crun in: ${MISMATCHES[*]}"
fi
if ((PASS_CRUN != N)); then
    log "warning: crun itself broke expectations (see above); the scenarios may need care on this host"
fi
log "ucrun conforms to crun on all $N scenarios"
