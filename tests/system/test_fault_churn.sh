#!/usr/bin/env bash
# Churn: 30 cycles of `up -d` / `down` of the native pub/sub demo (three unikernels, a health
# probe, a published port). After every `down` the host is back where it started: no growth in
# host taps, network namespaces, /run/ucrun entries, podman networks, containers or QEMU
# processes; and aardvark-dns, the one process that lives across a project's containers, holds
# no more open fds in the last cycle than in the second. UCRUN_TEST_CHURN_CYCLES changes 30.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"

demo_test_init churn
CYCLES=${UCRUN_TEST_CHURN_CYCLES:-30}

sed_args=(-e "s/\"8080:8080\"/\"$DEMO_PORT:8080\"/")
for service in redis publisher subscriber; do
    image=localhost/ucrun-test-churn-$service-$$:latest
    demo_build "$service" "$DEMO_DIR" --name "churn-$service" --image "$image" --no-registry >/dev/null 2>&1 ||
        fail "building the $service image failed"
    on_exit podman rmi -f "$image"
    sed_args+=(-e "s|${DEMO_IMAGE[$service]}|$image|")
done
DEMO_FILE=$DEMO_DIR/compose.yaml
sed "${sed_args[@]}" "$DEMO_SOURCE_DIR/compose.yaml" >"$DEMO_FILE"
uc() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$DEMO_FILE" "$@"; }
demo_test_cleanup_project

# census: one line of counts that must not grow across cycles (the host's taps, netns, ucrun
# records and QEMUs; the project's networks and containers).
census() {
    printf 'taps=%s netns=%s ucrun=%s crun=%s networks=%s containers=%s qemu=%s' \
        "$(ip -o link show type tun | wc -l)" "$(ls /run/netns 2>/dev/null | wc -l)" \
        "$(ls /run/ucrun/containers 2>/dev/null | wc -l)" "$(ls /run/ucrun/crun 2>/dev/null | wc -l)" \
        "$(podman network ls -q --filter "label=com.docker.compose.project=$PROJECT" | wc -l)" \
        "$(podman ps -aq --filter "label=com.docker.compose.project=$PROJECT" | wc -l)" \
        "$(pgrep -c -f '^/.ucrun/usr/lib/.*qemu-system' || true)"
}
aardvark_fds() {
    local p
    p=$(pgrep -o -x aardvark-dns) || { echo 0; return; }
    ls "/proc/$p/fd" 2>/dev/null | wc -l
}

baseline=$(census)
log "baseline: $baseline"
declare -a fds
for ((i = 1; i <= CYCLES; i++)); do
    out=$(uc up -d 2>&1) || fail "cycle $i: up -d failed: $out"
    fds[i]=$(aardvark_fds)
    out=$(uc down -t 10 2>&1) || fail "cycle $i: down failed: $out"
    demo_assert_gone "$PROJECT"
    now=$(census)
    [[ $now == "$baseline" ]] || fail "cycle $i left something: $now (baseline $baseline)"
    ((i % 10 == 0)) && log "cycle $i: $now; aardvark-dns fds while up: ${fds[i]}"
done
((CYCLES < 2)) || ((fds[CYCLES] <= fds[2])) || fail "aardvark-dns fds grew: ${fds[2]} in cycle 2, ${fds[CYCLES]} in cycle $CYCLES"
log "ok"
