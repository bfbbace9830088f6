# shellcheck shell=bash
# Helpers for the pub/sub seed demo (samples/pubsub): scripts/demo, bench/demo and
# tests/system/test_demo_*.sh. Standalone: the caller provides `log MSG` and `fail MSG`
# (tests/system/lib.sh does; scripts/demo defines its own).
#
# The demo's three unikernels:
#   service    registry name (the seed's SERVICE_NAME)   OCI image (samples/pubsub/compose.yaml)
#   redis      redis-server                             localhost/ucompose/pubsub-redis-server:latest
#   publisher  rust-redis-publisher                     localhost/ucompose/pubsub-publisher:latest
#   subscriber rust-redis-subscriber                    localhost/ucompose/pubsub-subscriber:latest
# Every container name below is podman-compose's `<project>_<service>_1`, which ucompose keeps
# in both of its modes.

DEMO_SOURCE_DIR=${DEMO_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/samples/pubsub}
# Where pubsub-publisher and pubsub-subscriber are (the installed copies by default).
DEMO_BIN_DIR=${DEMO_BIN_DIR:-/usr/local/lib/ucompose/samples}
DEMO_PAYLOAD=$DEMO_SOURCE_DIR/payload.json

# shellcheck disable=SC2034  # used by the scripts that source this file
declare -A DEMO_REGISTRY_NAME=([redis]=redis-server [publisher]=rust-redis-publisher
    [subscriber]=rust-redis-subscriber)
# shellcheck disable=SC2034
declare -A DEMO_IMAGE=([redis]=localhost/ucompose/pubsub-redis-server:latest
    [publisher]=localhost/ucompose/pubsub-publisher:latest
    [subscriber]=localhost/ucompose/pubsub-subscriber:latest)
# Redis in a guest: no protected mode (clients come from the compose network), no disk.
DEMO_REDIS_ARGS=(--protected-mode no --save "" --appendonly no --bind 0.0.0.0)

# demo_redis_elf DIR: puts Debian's redis binary at DIR/redis-server and prints that path.
# /usr/bin/redis-server is a symlink to redis-check-rdb, and redis picks its mode from the
# basename of argv[0]; `ucompose unikernel build` resolves symlinks and makes the resolved path
# argv[0], so the guest would run redis-check-rdb. A real file named redis-server avoids that.
demo_redis_elf() {
    local dir=$1 real
    real=$(readlink -f "$(command -v redis-server)") || fail "redis-server not found (Debian package redis-server)"
    mkdir -p "$dir" || fail "mkdir $dir"
    if ! cmp -s "$real" "$dir/redis-server"; then
        { cp "$real" "$dir/.redis-server.$$" && mv -f "$dir/.redis-server.$$" "$dir/redis-server"; } ||
            fail "copying $real to $dir/redis-server"
    fi
    printf '%s\n' "$dir/redis-server"
}

# demo_build SERVICE REDIS_DIR [ucompose unikernel build options...]: builds the unikernel of
# SERVICE (redis|publisher|subscriber) with the given options (--name N --force, --image REF,
# --no-registry, ...). REDIS_DIR holds the redis-server copy (see demo_redis_elf). DEMO_KERNEL,
# when set, is the guest kernel (--kernel; default: the purpose-built one).
demo_build() {
    local service=$1 redis_dir=$2 elf
    shift 2
    local args=()
    case $service in
    redis)
        elf=$(demo_redis_elf "$redis_dir") || exit 1
        args=(-- "${DEMO_REDIS_ARGS[@]}")
        ;;
    publisher | subscriber)
        elf=$DEMO_BIN_DIR/pubsub-$service
        [[ -x $elf ]] || fail "$elf missing (build the pubsub-$service target, or scripts/build-install)"
        ;;
    *) fail "demo_build: unknown service $service" ;;
    esac
    "${UCOMPOSE:-ucompose}" unikernel build "$elf" ${DEMO_KERNEL:+--kernel "$DEMO_KERNEL"} "$@" "${args[@]}" || fail "ucompose unikernel build of $service ($elf) failed"
}

# demo_image_file TAG [SED EXPRESSIONS...]: the native form of the demo for one test. Builds the
# three unikernels as OCI images localhost/ucrun-test-TAG-<service>-$$ (removed at exit), and
# writes DEMO_FILE ($DEMO_DIR/compose.yaml): samples/pubsub/compose.yaml with those images and the
# given `sed -e` expressions applied (each must change the file: a sample that no longer holds
# what a test rewrites fails here, not later).
demo_image_file() {
    local tag=$1 service image expr
    shift
    local sed_args=()
    for expr in "$@"; do sed_args+=(-e "$expr"); done
    for service in redis publisher subscriber; do
        image=localhost/ucrun-test-$tag-$service-$$:latest
        demo_build "$service" "$DEMO_DIR" --name "$tag-$service" --image "$image" --no-registry >/dev/null 2>&1 ||
            fail "building the $service image failed"
        on_exit podman rmi -f "$image"
        grep -qF "${DEMO_IMAGE[$service]}" "$DEMO_SOURCE_DIR/compose.yaml" ||
            fail "samples/pubsub/compose.yaml no longer uses ${DEMO_IMAGE[$service]}"
        sed_args+=(-e "s|${DEMO_IMAGE[$service]}|$image|")
    done
    DEMO_FILE=$DEMO_DIR/compose.yaml
    sed "${sed_args[@]}" "$DEMO_SOURCE_DIR/compose.yaml" >"$DEMO_FILE"
    for expr in "$@"; do
        [[ $(sed -e "$expr" "$DEMO_SOURCE_DIR/compose.yaml") != "$(cat "$DEMO_SOURCE_DIR/compose.yaml")" ]] ||
            fail "samples/pubsub/compose.yaml no longer holds what \`sed -e '$expr'\` rewrites"
    done
}

# demo_free_port: a TCP port nobody listens on now.
demo_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# demo_port_in_use PORT: true when something listens on TCP PORT.
demo_port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# demo_wait SECONDS CMD...: poll CMD every 0.2 s until it succeeds; 1 on timeout.
demo_wait() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# demo_http METHOD PORT [curl args...]: POST/GET http://127.0.0.1:PORT/publish; prints
# "CODE BODY" (CODE 000 when nothing answers).
demo_http() {
    local method=$1 port=$2 body code
    shift 2
    body=$(curl -sS -m 10 -X "$method" -w '\n%{http_code}' "$@" "http://127.0.0.1:$port/publish" 2>/dev/null)
    code=${body##*$'\n'}
    body=${body%$'\n'*}
    printf '%s %s\n' "${code:-000}" "$body"
}

demo_publisher_answers() { [[ $(demo_http GET "$1") != 000* ]]; }
demo_logs_have() { podman logs "$1" 2>&1 | grep -qF -- "$2"; }
demo_published_count() { podman logs "$1" 2>&1 | grep -c '^published ' || true; }
demo_published_more_than() { (($(demo_published_count "$1") > $2)); }

# demo_publish PROJECT PORT TIMEOUT: waits until the publisher answers and the subscriber has
# subscribed, then POSTs payload.json until one publish reaches a subscriber (a publish that
# raced the SUBSCRIBE reaches nobody and is retried). Sets DEMO_REPLY (the 200 body) and
# DEMO_PUBLISH_TRIES.
demo_publish() {
    local project=$1 port=$2 timeout=$3 deadline reply code before last
    local pub=${project}_publisher_1 sub=${project}_subscriber_1
    deadline=$((SECONDS + timeout))
    demo_wait "$timeout" demo_publisher_answers "$port" ||
        fail "the publisher did not answer on 127.0.0.1:$port within ${timeout}s"
    demo_wait $((deadline - SECONDS)) demo_logs_have "$sub" "subscriber: listening on" ||
        fail "the subscriber did not subscribe within ${timeout}s; its logs: $(podman logs "$sub" 2>&1 | tail -5)"
    DEMO_PUBLISH_TRIES=0
    while :; do
        ((SECONDS < deadline)) || fail "no publish reached the subscriber within ${timeout}s (last answer: $reply)"
        DEMO_PUBLISH_TRIES=$((DEMO_PUBLISH_TRIES + 1))
        before=$(demo_published_count "$pub")
        reply=$(demo_http POST "$port" -d "@$DEMO_PAYLOAD")
        code=${reply%% *}
        case $code in
        200)
            demo_wait 15 demo_published_more_than "$pub" "$before" ||
                fail "the publisher answered 200 but logged no publish"
            last=$(podman logs "$pub" 2>&1 | grep '^published ' | tail -n1)
            if [[ $last != *"(0 subscribers)"* ]]; then
                # shellcheck disable=SC2034  # read by the caller
                DEMO_REPLY=${reply#* }
                return 0
            fi
            log "the publish reached no subscriber yet (the SUBSCRIBE was still on its way); publishing again"
            ;;
        503) log "the publisher cannot reach redis yet (503); publishing again" ;;
        *) fail "POST /publish answered: $reply" ;;
        esac
        sleep 0.5
    done
}

# demo_wait_received PROJECT TIMEOUT: waits for the payload in the subscriber's podman logs.
demo_wait_received() {
    demo_wait "$2" demo_logs_have "${1}_subscriber_1" "received on messages: $(cat "$DEMO_PAYLOAD")"
}

# demo_tap_name ID: ucrun's tap for container ID (runtime/net/tap_name.cpp: "uk" + 12 hex
# digits of the 64-bit FNV-1a hash of the id).
demo_tap_name() {
    python3 -c 'import sys
h = 0xcbf29ce484222325
for c in sys.argv[1].encode():
    h = ((h ^ c) * 0x100000001b3) & (2**64 - 1)
print("uk%012x" % (h & 0xffffffffffff))' "$1"
}

# demo_record PROJECT: remembers the project's containers (DEMO_IDS), their network namespaces
# (DEMO_NETNS) and taps (DEMO_TAPS), and checks that each one runs a QEMU and has its tap.
demo_record() {
    local project=$1 id netns tap
    DEMO_IDS=() DEMO_NETNS=() DEMO_TAPS=()
    for id in $(podman ps -aq --no-trunc --filter "label=com.docker.compose.project=$project"); do
        netns=$(podman inspect --format '{{.NetworkSettings.SandboxKey}}' "$id" 2>/dev/null)
        tap=$(demo_tap_name "$id")
        DEMO_IDS+=("$id") DEMO_NETNS+=("$netns") DEMO_TAPS+=("$tap")
        [[ -n $(demo_qemu_pids "$id") ]] || fail "no QEMU runs for container ${id:0:12} of $project"
        { [[ -n $netns ]] && nsenter --net="$netns" ip link show "$tap" >/dev/null 2>&1; } ||
            fail "container ${id:0:12} of $project has no tap $tap in its netns '$netns'"
    done
    ((${#DEMO_IDS[@]} == 3)) || fail "expected 3 containers in project $project, found ${#DEMO_IDS[@]}"
}

# demo_qemu_pids ID: QEMU processes (and their monitors) of container ID.
demo_qemu_pids() { pgrep -f "qemu-system-x86_64 -name ${1:0:12} " || true; }

demo_no_qemu() { [[ -z $(demo_qemu_pids "$1") ]]; }

# demo_leftovers PROJECT: prints what of PROJECT remains (containers, network, and for the ids
# of demo_record: QEMU, ucrun state, taps); prints nothing when all is gone.
demo_leftovers() {
    local project=$1 i id tap ns c n
    c=$(podman ps -a --format '{{.Names}}' --filter "label=com.docker.compose.project=$project")
    [[ -n $c ]] && echo "containers: $(paste -sd ' ' - <<<"$c")"
    n=$(podman ps -a --format '{{.Names}}' --filter "label=io.podman.compose.project=$project")
    [[ -n $n && $n != "$c" ]] && echo "containers (io.podman.compose.project): $(paste -sd ' ' - <<<"$n")"
    podman network exists "${project}_default" 2>/dev/null && echo "network: ${project}_default"
    for i in "${!DEMO_IDS[@]}"; do
        id=${DEMO_IDS[i]} tap=${DEMO_TAPS[i]}
        [[ -n $(demo_qemu_pids "$id") ]] && echo "QEMU of ${id:0:12}: pids $(demo_qemu_pids "$id" | paste -sd ' ' -)"
        [[ -e /run/ucrun/containers/$id ]] && echo "ucrun state /run/ucrun/containers/$id"
        ip link show "$tap" >/dev/null 2>&1 && echo "tap $tap in the host netns"
        for ns in "${DEMO_NETNS[i]}" /run/netns/*; do
            [[ -e $ns ]] || continue
            nsenter --net="$ns" ip link show "$tap" >/dev/null 2>&1 && echo "tap $tap in $ns"
        done
    done
    return 0
}

demo_all_gone() { [[ -z $(demo_leftovers "$1") ]]; }

# demo_assert_gone PROJECT: waits (bounded) for everything of PROJECT to be gone, or fails
# listing what remains.
demo_assert_gone() {
    demo_wait 20 demo_all_gone "$1" || fail "project $1 left behind: $(demo_leftovers "$1" | paste -sd ';' -)"
}

# ---- for tests/system/test_demo_*.sh (these use lib.sh's on_exit, require_*, fail) ---------

# demo_test_init MODE: checks what the demo needs, and sets UCOMPOSE (the build's), DEMO_BIN_DIR
# (the build's samples), DEMO_DIR (a work dir removed at exit), DEMO_PORT (a free host port for
# the publisher, so that a test never clashes with the demo on 8080) and
# PROJECT=ucrun-test-demo-MODE-<pid>.
demo_test_init() {
    require_podman_runtime
    require_cmd qemu-system-x86_64 curl python3 nsenter ss redis-server cpio gzip
    UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}
    [[ -x $UCOMPOSE ]] || fail "ucompose binary $UCOMPOSE is missing (build the ucompose target)"
    if [[ -x $UCRUN_BUILD_DIR/samples/pubsub-publisher && -x $UCRUN_BUILD_DIR/samples/pubsub-subscriber ]]; then
        DEMO_BIN_DIR=$UCRUN_BUILD_DIR/samples
    fi
    DEMO_DIR=$(mktemp -d /tmp/ucrun-test-demo.XXXXXX)
    on_exit rm -rf "$DEMO_DIR"
    DEMO_PORT=$(demo_free_port) || fail "no free TCP port"
    PROJECT=ucrun-test-demo-$1-$$
}

demo_registry_has() { "$UCOMPOSE" unikernel ls 2>/dev/null | awk 'NR > 1 {print $1}' | grep -qx -- "$1"; }

# demo_test_seed_setup: what the seed's file needs: the tracker image and the three registry
# entries under the seed's names (rebuilt from this build; removed at exit if absent before),
# and a copy of the seed's file in DEMO_DIR whose only change is the publisher's host port.
demo_test_seed_setup() {
    local tracker=localhost/ucompose/unikernel-tracker:latest service name
    if ! podman image exists "$tracker"; then
        "$UCOMPOSE" build tracker >/dev/null || fail "ucompose build tracker failed"
        on_exit podman rmi "$tracker"
    fi
    for service in redis publisher subscriber; do
        name=${DEMO_REGISTRY_NAME[$service]}
        demo_registry_has "$name" || on_exit "$UCOMPOSE" unikernel rm "$name"
        demo_build "$service" "$DEMO_DIR" --name "$name" --force >/dev/null 2>&1 ||
            fail "building the $name unikernel failed"
    done
    DEMO_FILE=$DEMO_DIR/unikernel-deploy.yaml
    sed "s/\"8080:8080\"/\"$DEMO_PORT:8080\"/" "$DEMO_SOURCE_DIR/unikernel-deploy.yaml" >"$DEMO_FILE"
    grep -q "\"$DEMO_PORT:8080\"" "$DEMO_FILE" || fail "the seed file no longer publishes \"8080:8080\""
}

# demo_test_cleanup_project: at exit, whatever of PROJECT remains is removed (after the tool's
# own `down`, which the test registers after this).
demo_test_cleanup_project() {
    on_exit_eval "podman network rm -f '${PROJECT}_default'"
    on_exit_eval "podman ps -aq --filter 'label=com.docker.compose.project=$PROJECT' | xargs -r podman rm -f -t 0"
}

# demo_count_received PROJECT: how many times the subscriber printed the payload.
demo_count_received() {
    podman logs "${1}_subscriber_1" 2>&1 | grep -cF -- "received on messages: $(cat "$DEMO_PAYLOAD")" || true
}

demo_received_at_least() { (($(demo_count_received "$1") >= $2)); }

# demo_check_bad_json: non-JSON gets 400 and publishes nothing.
demo_check_bad_json() {
    local before reply
    before=$(demo_published_count "${PROJECT}_publisher_1")
    reply=$(demo_http POST "$DEMO_PORT" -d 'this is not json')
    assert_eq "400" "${reply%% *}" "POST /publish with a non-JSON body: status (reply: $reply)"
    assert_contains "$reply" "not valid JSON" "POST /publish with a non-JSON body: message"
    assert_eq "$before" "$(demo_published_count "${PROJECT}_publisher_1")" "nothing published for a non-JSON body"
}
