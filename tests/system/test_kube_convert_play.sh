#!/bin/bash
# `ucompose convert --format kubernetes` of the native pub/sub demo, played by podman itself:
#   - convert to stdout (one stream) and with -o (one file per object): the same documents; the
#     three unikernels get runtimeClassName ucrun, the RuntimeClass is in the output, the
#     publisher and the subscriber wait for redis-mq in an initContainer;
#   - each <service>-deployment.yaml, in the order convert wrote them (dependencies first), is
#     played with `podman --runtime ucrun kube play --network NET:alias=<service>` (podman 4.3
#     ignores Service objects and names a pod <deployment>-pod-0, so the alias is what makes the
#     Service name resolve), from a copy whose pod spec says restartPolicy: OnFailure (podman 4.3
#     restarts an initContainer that exits under a Deployment's Always and then fails to remove
#     it); both limitations: docs/kubernetes-convert.md. Each unikernel runs its QEMU;
#   - POST /publish on the published port answers, and the subscriber prints the payload;
#   - `podman kube down` of the stream: no pod, container, QEMU, tap or ucrun state remains, and
#     the network the test made is removed.
# The initContainers use a local image (--init-image): this host cannot pull
# docker.io/library/busybox, and Debian's busybox nc has no -z, so the image's nc is a script that
# maps -z to `busybox nc HOST PORT -e true` (connect, then close), and its sh is dash (busybox's
# ash would run its own nc applet, never the script).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_demo.sh"

demo_test_init kube
require_cmd busybox file dash ldd
TIMEOUT=180
NET=ucrun-test-kube-$$
INIT_IMAGE=localhost/ucrun-test-kube-init-$$:latest
K8S_DIR=$DEMO_DIR/k8s
STREAM=$DEMO_DIR/all.yaml
SERVICES=(redis-mq publisher subscriber)

# ---- the images ----------------------------------------------------------------------------
# podman 4.3's kube play publishes every containerPort on the same host port: the publisher
# listens on the test's free port instead of 8080.
demo_image_file pubsub "s/\"8080:8080\"/\"$DEMO_PORT:$DEMO_PORT\"/" "s/PORT: \"8080\"/PORT: \"$DEMO_PORT\"/"

# build_init_image: FROM scratch, dash as sh (with its libraries), busybox-static for sleep and
# the rest, and an nc that knows -z.
build_init_image() {
    local ctx=$DEMO_DIR/init applet busybox lib
    busybox=$(command -v busybox)
    file -L "$busybox" | grep -q 'statically linked' || fail "$busybox is not busybox-static"
    mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/etc" "$ctx/rootfs/tmp" || fail "mkdir $ctx"
    cp "$busybox" "$ctx/rootfs/bin/busybox" || fail "copying $busybox"
    for applet in $("$busybox" --list); do
        [[ $applet == busybox || $applet == nc || $applet == sh ]] || ln -s busybox "$ctx/rootfs/bin/$applet"
    done
    cp /bin/dash "$ctx/rootfs/bin/sh" || fail "copying /bin/dash"
    for lib in $(ldd /bin/dash | grep -o '/[^ ]*'); do
        mkdir -p "$ctx/rootfs$(dirname "$lib")" || fail "mkdir for $lib"
        cp -L "$lib" "$ctx/rootfs$lib" || fail "copying $lib"
    done
    cat >"$ctx/rootfs/bin/nc" <<'EOF'
#!/bin/sh
# nc -z HOST PORT: succeed when HOST accepts TCP on PORT (Debian's busybox nc has no -z).
if [ "$1" = -z ]; then exec busybox nc "$2" "$3" -e true; fi
exec busybox nc "$@"
EOF
    chmod 755 "$ctx/rootfs/bin/nc"
    echo 'root:x:0:0:root:/:/bin/sh' >"$ctx/rootfs/etc/passwd"
    printf 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\n' >"$ctx/Containerfile"
    podman build --pull=never -q -t "$INIT_IMAGE" -f "$ctx/Containerfile" "$ctx" >/dev/null ||
        fail "podman build of $INIT_IMAGE failed"
    on_exit podman rmi "$INIT_IMAGE"
}
build_init_image

# ---- convert -------------------------------------------------------------------------------
uc() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$DEMO_FILE" "$@"; }

log "convert (stdout and -o $K8S_DIR)"
uc convert --format kubernetes --init-image "$INIT_IMAGE" >"$STREAM" 2>"$DEMO_DIR/convert.err" ||
    fail "convert failed: $(cat "$DEMO_DIR/convert.err")"
assert_eq "" "$(cat "$DEMO_DIR/convert.err")" "convert of the native demo warns about nothing"
written=$(uc convert --format kubernetes --init-image "$INIT_IMAGE" -o "$K8S_DIR" 2>&1) || fail "convert -o failed: $written"
expected_files="$K8S_DIR/runtimeclass.yaml
$K8S_DIR/redis-mq-service.yaml
$K8S_DIR/redis-mq-deployment.yaml
$K8S_DIR/publisher-service.yaml
$K8S_DIR/publisher-deployment.yaml
$K8S_DIR/subscriber-deployment.yaml"
assert_eq "$expected_files" "$written" "convert -o: the files, dependencies first"
joined=$(while read -r f; do printf -- '---\n'; cat "$f"; done <<<"$written")
assert_eq "$(cat "$STREAM")" "$joined" "the stream is the files, each after ---"

stream=$(cat "$STREAM")
assert_contains "$stream" "kind: RuntimeClass" "the RuntimeClass is part of the output"
assert_eq 3 "$(grep -c 'runtimeClassName: ucrun' "$STREAM")" "three unikernel Deployments name the RuntimeClass"
assert_eq 2 "$(grep -c 'until nc -z redis-mq 6379; do sleep 1; done' "$STREAM")" \
    "publisher and subscriber wait for redis-mq's Service in an initContainer"
assert_eq 2 "$(grep -c "image: $INIT_IMAGE" "$STREAM")" "the initContainers use --init-image"

# ---- play ----------------------------------------------------------------------------------
for s in "${SERVICES[@]}"; do
    podman pod exists "$s-pod-0" && fail "a pod $s-pod-0 exists already; this test would replace it"
done
podman network exists podman-default-kube-network || on_exit podman network rm -f podman-default-kube-network
podman network create "$NET" >/dev/null || fail "podman network create $NET failed"
on_exit podman network rm -f "$NET"
for s in "${SERVICES[@]}"; do on_exit podman pod rm -f -t 0 "$s-pod-0"; done
on_exit_eval "podman kube down '$STREAM' || true"  # the pods that were played

PLAY_DIR=$DEMO_DIR/play
mkdir -p "$PLAY_DIR" || fail "mkdir $PLAY_DIR"
for s in "${SERVICES[@]}"; do
    sed 's/^      containers:$/      restartPolicy: OnFailure\n      containers:/' "$K8S_DIR/$s-deployment.yaml" \
        >"$PLAY_DIR/$s.yaml"
    assert_eq 1 "$(grep -c '^      restartPolicy: OnFailure$' "$PLAY_DIR/$s.yaml")" "restartPolicy set in the played copy of $s"
    log "kube play $s-deployment.yaml (--network $NET:alias=$s)"
    out=$(timeout "$TIMEOUT" podman --runtime "$UCRUN_RUNTIME" kube play --network "$NET:alias=$s" \
        "$PLAY_DIR/$s.yaml" 2>&1) || fail "kube play of $s failed: $out"
done

# The unikernel container of each pod (<pod>-<container>) runs a QEMU.
has_qemu() { [[ -n $(demo_qemu_pids "$1") ]]; }
IDS=() TAPS=()
for s in "${SERVICES[@]}"; do
    id=$(podman inspect --format '{{.Id}}' "$s-pod-0-$s" 2>/dev/null) || fail "no container $s-pod-0-$s"
    IDS+=("$id") TAPS+=("$(demo_tap_name "$id")")
    wait_quiet 60 has_qemu "$id" || fail "no QEMU runs for $s ($(podman logs "$s-pod-0-$s" 2>&1 | tail -3))"
done
init_state=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' publisher-pod-0-wait-for-redis-mq 2>/dev/null)
[[ -z $init_state || $init_state == "exited 0" ]] || fail "the publisher's initContainer: $init_state"

# ---- publish -------------------------------------------------------------------------------
PUB=publisher-pod-0-publisher SUB=subscriber-pod-0-subscriber
kube_publish() {
    local deadline=$((SECONDS + TIMEOUT)) reply code before last
    demo_wait "$TIMEOUT" demo_publisher_answers "$DEMO_PORT" ||
        fail "the publisher did not answer on 127.0.0.1:$DEMO_PORT within ${TIMEOUT}s: $(podman logs "$PUB" 2>&1 | tail -3)"
    demo_wait "$TIMEOUT" demo_logs_have "$SUB" "subscriber: listening on" ||
        fail "the subscriber did not subscribe; its logs: $(podman logs "$SUB" 2>&1 | tail -5)"
    while :; do
        ((SECONDS < deadline)) || fail "no publish reached the subscriber within ${TIMEOUT}s (last answer: $reply)"
        before=$(demo_published_count "$PUB")
        reply=$(demo_http POST "$DEMO_PORT" -d "@$DEMO_PAYLOAD")
        code=${reply%% *}
        case $code in
        200)
            demo_wait 15 demo_published_more_than "$PUB" "$before" || fail "the publisher answered 200 but logged no publish"
            last=$(podman logs "$PUB" 2>&1 | grep '^published ' | tail -n1)
            [[ $last != *"(0 subscribers)"* ]] && { KUBE_REPLY=${reply#* }; return 0; }
            log "the publish reached no subscriber yet; publishing again"
            ;;
        503) log "the publisher cannot reach redis-mq yet (503); publishing again" ;;
        *) fail "POST /publish answered: $reply" ;;
        esac
        sleep 0.5
    done
}
log "publish on 127.0.0.1:$DEMO_PORT"
kube_publish
# The publisher names its hostname, which a pod member's config.json does not carry (the pod's
# UTS namespace is the infra container's): it may be empty here.
assert_match "$KUBE_REPLY" '^json data successfully published to message queue from [a-z0-9-]*$' "the publisher's answer"
demo_wait 60 demo_logs_have "$SUB" "received on messages: $(cat "$DEMO_PAYLOAD")" ||
    fail "the subscriber did not print the payload: $(podman logs "$SUB" 2>&1 | tail -5)"

# ---- down ----------------------------------------------------------------------------------
log "kube down"
assert_rc 0 "podman kube down" podman kube down "$STREAM"
leftovers() {
    local i s
    for s in "${SERVICES[@]}"; do
        podman pod exists "$s-pod-0" && echo "pod $s-pod-0"
        podman container exists "$s-pod-0-$s" && echo "container $s-pod-0-$s"
    done
    for i in "${!IDS[@]}"; do
        [[ -n $(demo_qemu_pids "${IDS[i]}") ]] && echo "QEMU of ${IDS[i]:0:12}"
        [[ -e /run/ucrun/containers/${IDS[i]} ]] && echo "ucrun state of ${IDS[i]:0:12}"
        ip link show "${TAPS[i]}" >/dev/null 2>&1 && echo "tap ${TAPS[i]}"
    done
    return 0
}
no_leftovers() { [[ -z $(leftovers) ]]; }
demo_wait 20 no_leftovers || fail "kube down left behind: $(leftovers | paste -sd ';' -)"
assert_rc 0 "podman network rm $NET" podman network rm "$NET"
podman network exists "$NET" && fail "network $NET remains"
log "PASS"
