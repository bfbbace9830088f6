#!/usr/bin/env bash
# Ten unikernels started at once, twice: `ucompose up -d --scale web=10` of one service, then ten
# `podman run -d` launched in parallel. Every guest boots, every container gets its own IP, QEMU
# name and tap (no collision), and `down` / `rm` leave no QEMU, tap or ucrun record.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
. "$(dirname "${BASH_SOURCE[0]}")/compose_lib.sh"
img_require
N=10

image=localhost/ucrun-test-fault-many-$$:latest
img_build "ucrun-test-fault-many-$$" --no-registry --image "$image" -- sh -c 'echo guest-up; exec sleep 100000'

# booted_all NAMES...: every container's console says guest-up.
booted_all() {
    local n
    for n in "$@"; do uk_logs_have "$n" guest-up || return 1; done
}
# check_distinct NAMES...: a QEMU named after each (ids are distinct), distinct IPs and taps.
check_distinct() {
    local n ips=() taps=() id key
    for n in "$@"; do
        id=$(uk_full_id "$n")
        [[ -n $(uk_qemu_pids "$id") ]] || fail "$n: no QEMU named ${id:0:12}"
        ips+=("$(podman inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$n")")
        key=$(podman inspect --format '{{.NetworkSettings.SandboxKey}}' "$n")
        taps+=("$(nsenter --net="$key" ip -o link show type tun | awk -F': ' '{ print $2 }')")
    done
    assert_eq "$#" "$(printf '%s\n' "${ips[@]}" | grep -c .)" "containers with an IP"
    assert_eq "$#" "$(printf '%s\n' "${ips[@]}" | sort -u | wc -l)" "distinct IPs"
    assert_eq "$#" "$(printf '%s\n' "${taps[@]}" | grep -c .)" "containers with a tap"
    assert_eq "$#" "$(printf '%s\n' "${taps[@]}" | sort -u | wc -l)" "distinct tap names"
}

log "ucompose up -d --scale web=$N"
compose_project many
cat >"$PROJECT_DIR/compose.yaml" <<YAML
services:
  web:
    image: $image
    annotations: {io.ucrun.accel: tcg}
YAML
out=$(uc up -d --scale "web=$N" 2>&1) || fail "up --scale web=$N: $out"
names=()
for ((i = 1; i <= N; i++)); do names+=("${PROJECT}_web_$i"); done
wait_for 600 "all $N guests of the scaled service booted" booted_all "${names[@]}"
check_distinct "${names[@]}"
ids=()
for n in "${names[@]}"; do ids+=("$(uk_full_id "$n")"); done
out=$(uc down -t 30 2>&1) || fail "down: $out"
for id in "${ids[@]}"; do uk_assert_gone "$id"; done

log "$N x podman run -d in parallel"
net=ucrun-test-fault-many-net-$$
img_network "$net"
pids=() names=()
for ((i = 1; i <= N; i++)); do
    n=$(unique_name "run$i")
    names+=("$n")
    pm_rm_on_exit "$n"
    uk_run tcg -d --pull=never --name "$n" --network "$net" "$image" >"$IMG_TMP/run$i.out" 2>&1 &
    pids+=($!)
done
for ((i = 0; i < N; i++)); do
    wait "${pids[i]}" || fail "podman run ${names[i]} failed: $(cat "$IMG_TMP/run$((i + 1)).out")"
done
wait_for 600 "all $N parallel guests booted" booted_all "${names[@]}"
check_distinct "${names[@]}"
ids=()
for n in "${names[@]}"; do ids+=("$(uk_full_id "$n")"); done
podman rm -f -t 30 "${names[@]}" >/dev/null || fail "podman rm of the $N containers"
for id in "${ids[@]}"; do uk_assert_gone "$id"; done
log "ok"
