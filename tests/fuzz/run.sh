#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (its own build directory, cached under the main build
# directory), replays every regression input of one target, then fuzzes it for a bounded time
# on a copy of the checked-in corpus. docs/fuzzing.md.
#   tests/fuzz/run.sh <target>      target: compose_loader | oci_config | netlink | guest_config | image_layer | oci_image
# Env: UCRUN_FUZZ_SECONDS (default 30), UCRUN_BUILD_DIR (default <source>/build),
#      UCRUN_FUZZ_BUILD_DIR (default $UCRUN_BUILD_DIR/fuzz).
# Exit: 0 clean; 1 a crash, leak, timeout or OOM (the reproducer's path is printed);
#       77 clang is missing and CI is not true (the only skip).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
targets=(compose_loader oci_config netlink guest_config image_layer oci_image)

target=${1:-}
if [[ -z $target || ! " ${targets[*]} " =~ " $target " ]]; then
    echo "usage: $0 <$(IFS='|'; echo "${targets[*]}")>" >&2
    exit 2
fi

if ! command -v clang >/dev/null || ! command -v clang++ >/dev/null; then
    if [[ ${CI:-} == true ]]; then
        echo "FAIL: clang/clang++ not found (install clang libclang-rt-14-dev); CI never skips" >&2
        exit 1
    fi
    echo "SKIP: clang not found (install clang libclang-rt-14-dev)" >&2
    exit 77
fi

build_root=${UCRUN_BUILD_DIR:-$source_dir/build}
build_dir=${UCRUN_FUZZ_BUILD_DIR:-$build_root/fuzz}
seconds=${UCRUN_FUZZ_SECONDS:-30}
binary=$build_dir/fuzz_$target

# The ctests may start together: one build at a time (cmake's own build is incremental).
mkdir -p "$build_dir"
exec 9>"$build_dir/.build.lock"
flock 9
# Configured every time (a second or so): a target added since the cache was made is then known.
cmake -S "$here" -B "$build_dir" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build_dir" -j2 --target "fuzz_$target"
flock -u 9

work=$(mktemp -d "${TMPDIR:-/tmp}/ucrun-fuzz-$target.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/corpus" "$work/tmp"
# Whatever a target makes in a temp dir (oci_config's empty rootfs) goes away with $work.
export TMPDIR=$work/tmp

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}
common=(-timeout=10 -rss_limit_mb=2048 -detect_leaks=1)

# Crash inputs are kept out of the temp dir so they survive it: under the build directory.
keep=$build_dir/artifacts/$target
mkdir -p "$keep"

# 1. Every regression input must run clean.
shopt -s nullglob
regressions=("$here/regressions/$target"/*)
if ((${#regressions[@]})); then
    if ! "$binary" "${common[@]}" "${regressions[@]}" >"$work/regressions.log" 2>&1; then
        cat "$work/regressions.log" >&2
        failed=$(grep -o "Running: .*" "$work/regressions.log" | tail -1 | cut -d' ' -f2-)
        echo "FAIL: fuzz.$target: a regression input fails again: ${failed:-see the log above}" >&2
        exit 1
    fi
    echo "fuzz.$target: ${#regressions[@]} regression input(s) pass"
fi

# 2. Bounded fuzzing on a copy of the corpus: new inputs go to the copy, never to the tree.
cp "$here/corpus/$target"/* "$work/corpus/"
dict=()
[[ -f $here/$target.dict ]] && dict=(-dict="$here/$target.dict")
# libFuzzer's own exit code for a crash or leak is 77, ctest's skip code: every failure below
# exits 1 instead.
status=0
"$binary" "${common[@]}" "${dict[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$keep/" "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?
if ((status != 0)); then
    cat "$work/fuzz.log" >&2
    artifact=$(grep -o "Test unit written to .*" "$work/fuzz.log" | tail -1 | cut -d' ' -f5-)
    echo "FAIL: fuzz.$target: libFuzzer exited with $status; reproducer: ${artifact:-none written}" >&2
    echo "  replay: $binary ${artifact:-<input>}" >&2
    echo "  keep it: cp ${artifact:-<input>} $here/regressions/$target/<what-it-does>" >&2
    exit 1
fi
grep -E "^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs|stat::)" "$work/fuzz.log" || tail -3 "$work/fuzz.log"
echo "PASS: fuzz.$target (${seconds}s)"
