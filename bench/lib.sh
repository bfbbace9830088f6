# shellcheck shell=bash
# bench/lib.sh: what every bench/ script shares. Source it first thing:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sources tests/system/lib.sh (fail, skip, require_root, require_cmd, the on_exit/on_exit_eval
# cleanup registry run by the EXIT trap, wait_for, ensure_test_image, PODMAN_RUN_ARGS), then adds:
#
# Clock
#   bench_now                       BENCH_NOW := monotonic clock in microseconds (no fork per call)
#   bench_time CMD...               runs CMD (a program or a function, in this shell);
#                                   BENCH_US / BENCH_MS := its elapsed time; returns CMD's status
#   bench_first_line [--match TEXT] [--keep] [--rss-after SECONDS] CMD...
#                                   runs CMD with stdout piped and prints the seconds until its
#                                   first non-empty line (containing TEXT), then kills its process
#                                   group (--keep: leaves it running); --rss-after also prints
#                                   CMD's RSS in KiB that many seconds after the line. Exit 1: no line.
# Samples (files under $BENCH_DIR, so a subshell may record too)
#   bench_add LABEL VALUE...        records samples under LABEL; nothing during warm-up rounds
#   bench_values LABEL              the samples in the order taken, space-separated
#   bench_count LABEL
#   bench_median LABEL [DECIMALS]   (default 1 decimal)
#   bench_min LABEL [DECIMALS], bench_max LABEL [DECIMALS]
#   bench_summary LABEL [UNIT] [DECIMALS] [WIDTH]
#                                   "LABEL  median    M UNIT  (min A max B)"
# Interleaved runs (A/B or more arms, the order rotating each round)
#   bench_order ROUND ARM...        BENCH_ORDER := the ARMs rotated by ROUND-1
#   bench_rounds [--warmup W] N FN ARM...
#                                   W warm-up rounds (ROUND 0, BENCH_WARMUP=1), then rounds 1..N:
#                                   `FN ARM ROUND` once per ARM in bench_order; after each measured
#                                   round, `$BENCH_EACH_ROUND ROUND` if set (per-run lines)
#   bench_interleave [--warmup W] N FN ARM...
#                                   the same, timing every `FN ARM ROUND` and recording its ms
#                                   under ARM; FN failing fails the bench
# Ratios (lower is better: every target is an upper bound)
#   bench_ratio A B [DECIMALS]      A / B (default $BENCH_RATIO_DECIMALS, 2)
#   bench_verdict RATIO TARGET      "OK (<= TARGET)" or "ABOVE TARGET TARGET"
#   bench_print_ratio NAME A B [TARGET [NOTE]]
#                                   "ratio NAME: R  OK (<= T)"; without TARGET, "ratio NAME: R"
#                                   and "  (NOTE)" when a NOTE is given (TARGET may be "")
# Cleanup
#   bench_tmpdir                    BENCH_TMP := a new directory under /tmp, removed at exit
#   (and on_exit / on_exit_eval from tests/system/lib.sh)

. "$(dirname "${BASH_SOURCE[0]}")/../tests/system/lib.sh"

BENCH_NAME=$(basename "$0")
BENCH_RATIO_DECIMALS=${BENCH_RATIO_DECIMALS:-2}
BENCH_WARMUP=0
BENCH_DIR=$(mktemp -d "/tmp/ucrun-bench-$BENCH_NAME.XXXXXX") || fail "mktemp"
on_exit rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR/samples"

# ---- clock ------------------------------------------------------------------------------------
# bash has no monotonic clock of its own; `date` is the wall clock and costs a fork. A python
# coprocess answers CLOCK_MONOTONIC in microseconds for a newline, about 60 us a round trip, also
# from command substitutions. Its pipes are close-on-exec, so no program started here keeps it
# alive: it ends with the script. Without python3, the wall clock of $EPOCHREALTIME.
if command -v python3 >/dev/null 2>&1; then
    coproc BENCH_CLOCK { exec python3 -uc 'import sys, time
for _ in sys.stdin: print(time.monotonic_ns() // 1000)'; }
fi
bench_now() {
    if [[ -n ${BENCH_CLOCK[1]:-} ]]; then
        echo >&"${BENCH_CLOCK[1]}"
        read -r BENCH_NOW <&"${BENCH_CLOCK[0]}"
    else
        BENCH_NOW=${EPOCHREALTIME/./}
    fi
}

bench_time() {
    local t0 rc
    bench_now
    t0=$BENCH_NOW
    "$@"
    rc=$?
    bench_now
    BENCH_US=$((BENCH_NOW - t0))
    printf -v BENCH_MS '%d.%03d' $((BENCH_US / 1000)) $((BENCH_US % 1000))
    return "$rc"
}

BENCH_FIRST_LINE_PY=$(cat <<'PY'
import os, signal, subprocess, sys, time
args = sys.argv[1:]
match, keep, rss_after = "", False, None
while args and args[0].startswith("--"):
    opt = args.pop(0)
    if opt == "--match":
        match = args.pop(0)
    elif opt == "--keep":
        keep = True
    elif opt == "--rss-after":
        rss_after = float(args.pop(0))
    elif opt == "--":
        break
t0 = time.monotonic()
p = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
for line in p.stdout:
    if line.strip() and match.encode() in line:
        out = "%.3f" % (time.monotonic() - t0)
        break
else:
    p.wait()
    sys.exit(1)
if rss_after is not None:
    time.sleep(rss_after)
    rss = 0
    try:
        for l in open("/proc/%d/status" % p.pid):
            if l.startswith("VmRSS:"):
                rss = int(l.split()[1])
    except OSError:
        pass
    out += " %d" % rss
print(out, flush=True)
if keep:
    p.stdout.close()   # the client may report a broken pipe: harmless
else:
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
PY
)
bench_first_line() { python3 -c "$BENCH_FIRST_LINE_PY" "$@"; }

# ---- samples ----------------------------------------------------------------------------------
__bench_file() { printf '%s/samples/%s' "$BENCH_DIR" "${1//\//%}"; }
bench_add() {
    local label=$1 f
    shift
    ((BENCH_WARMUP)) && return 0
    f=$(__bench_file "$label")
    printf '%s\n' "$@" >>"$f"
}
bench_values() { local f; f=$(__bench_file "$1"); [[ -f $f ]] && paste -sd ' ' "$f"; }
bench_count() { local f; f=$(__bench_file "$1"); if [[ -f $f ]]; then grep -c . "$f"; else echo 0; fi; }
# __bench_stat median|min|max LABEL DECIMALS
__bench_stat() {
    local f
    f=$(__bench_file "$2")
    [[ -s $f ]] || { echo nan; return; }
    sort -g "$f" | awk -v what="$1" -v d="${3:-1}" '
        NF { a[n++] = $1 }
        END {
            if (what == "min") v = a[0]
            else if (what == "max") v = a[n - 1]
            else v = (n % 2) ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
            printf "%.*f\n", d, v
        }'
}
bench_median() { __bench_stat median "$1" "${2:-1}"; }
bench_min() { __bench_stat min "$1" "${2:-1}"; }
bench_max() { __bench_stat max "$1" "${2:-1}"; }
bench_summary() { # LABEL [UNIT] [DECIMALS] [WIDTH]
    local label=$1 unit=${2:-ms} d=${3:-1} w=${4:-${#1}}
    printf '%-*s median %7s %s  (min %s max %s)\n' "$w" "$label" "$(bench_median "$label" "$d")" "$unit" \
        "$(bench_min "$label" "$d")" "$(bench_max "$label" "$d")"
}

# ---- interleaved runs -------------------------------------------------------------------------
bench_order() { # ROUND ARM...
    local round=$1 k i
    shift
    k=$#
    BENCH_ORDER=()
    local arms=("$@")
    for ((i = 0; i < k; i++)); do BENCH_ORDER+=("${arms[(i + round - 1 + k) % k]}"); done
}
__bench_run_rounds() { # TIMED WARMUP N FN ARM...
    local timed=$1 warmup=$2 n=$3 fn=$4 r arm
    shift 4
    BENCH_WARMUP=1
    for ((r = 1; r <= warmup; r++)); do
        bench_order "$r" "$@"
        for arm in "${BENCH_ORDER[@]}"; do "$fn" "$arm" 0 || fail "$fn $arm (warm-up) failed"; done
    done
    BENCH_WARMUP=0
    for ((r = 1; r <= n; r++)); do
        bench_order "$r" "$@"
        for arm in "${BENCH_ORDER[@]}"; do
            if ((timed)); then
                bench_time "$fn" "$arm" "$r" || fail "$fn $arm (round $r) failed"
                bench_add "$arm" "$BENCH_MS"
            else
                "$fn" "$arm" "$r" || fail "$fn $arm (round $r) failed"
            fi
        done
        [[ -z ${BENCH_EACH_ROUND:-} ]] || "$BENCH_EACH_ROUND" "$r"
    done
}
bench_rounds() {
    if [[ ${1:-} == --warmup ]]; then __bench_run_rounds 0 "$2" "${@:3}"; else __bench_run_rounds 0 0 "$@"; fi
}
bench_interleave() {
    if [[ ${1:-} == --warmup ]]; then __bench_run_rounds 1 "$2" "${@:3}"; else __bench_run_rounds 1 0 "$@"; fi
}

# ---- ratios -----------------------------------------------------------------------------------
bench_ratio() { # A B [DECIMALS]
    awk -v a="$1" -v b="$2" -v d="${3:-$BENCH_RATIO_DECIMALS}" \
        'BEGIN { if (b + 0 == 0 || a == "nan" || b == "nan") print "nan"; else printf "%.*f\n", d, a / b }'
}
bench_verdict() { # RATIO TARGET
    awk -v r="$1" -v t="$2" 'BEGIN { if (r != "nan" && r + 0 <= t + 0) print "OK (<= " t ")"; else print "ABOVE TARGET " t }'
}
bench_print_ratio() { # NAME A B [TARGET [NOTE]]
    local r
    r=$(bench_ratio "$2" "$3")
    if [[ -n ${4:-} ]]; then
        echo "ratio $1: $r  $(bench_verdict "$r" "$4")"
    elif [[ -n ${5:-} ]]; then
        echo "ratio $1: $r  ($5)"
    else
        echo "ratio $1: $r"
    fi
}

# ---- cleanup ----------------------------------------------------------------------------------
bench_tmpdir() {
    BENCH_TMP=$(mktemp -d "/tmp/ucrun-bench-$BENCH_NAME.XXXXXX") || fail "mktemp"
    on_exit rm -rf "$BENCH_TMP"
}
