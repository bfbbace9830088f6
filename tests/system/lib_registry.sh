# shellcheck shell=bash
# A real OCI registry for tests and benches: Debian's docker-registry (the CNCF distribution
# registry) on 127.0.0.1, with its own storage and config under a temp dir, stopped and removed
# at exit. Source lib.sh first.

# reg_start: starts it; sets REG_HOST (127.0.0.1:PORT), REG_DIR and REG_LOG (its access log).
reg_start() {
    require_cmd docker-registry skopeo
    REG_DIR=$(mktemp -d /tmp/ucrun-test-registry.XXXXXX)
    on_exit rm -rf "$REG_DIR"
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    REG_HOST=127.0.0.1:$port
    REG_LOG=$REG_DIR/registry.log
    cat >"$REG_DIR/config.yml" <<YAML
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: $REG_DIR/storage
  delete:
    enabled: true
http:
  addr: $REG_HOST
YAML
    docker-registry serve "$REG_DIR/config.yml" >"$REG_LOG" 2>&1 &
    REG_PID=$!
    on_exit_eval "kill $REG_PID 2>/dev/null; wait $REG_PID 2>/dev/null; true"
    wait_for 20 "docker-registry on $REG_HOST ($REG_LOG)" curl -fsS -o /dev/null "http://$REG_HOST/v2/"
}

# reg_manifest_gets REPO: how many times the registry served REPO's manifests (GET or HEAD).
reg_manifest_gets() { grep -cE "\"(GET|HEAD) /v2/$1/manifests/" "$REG_LOG" || true; }

# reg_set_remote PREFIX [LOCAL_ROOT]: ucrun's config with "remote_registry" set to
# $REG_HOST/PREFIX (no TLS), and "registry" to LOCAL_ROOT when given, in place of
# /etc/ucrun/ucrun.json, restored at exit. ucrun runs under podman and reads only that file (env
# does not cross podman); ucompose reads it too.
reg_set_remote() {
    local conf=/etc/ucrun/ucrun.json backup
    backup=$(mktemp /tmp/ucrun-test-ucrun-json.XXXXXX)
    if [[ -f $conf ]]; then
        cp -p "$conf" "$backup"
        on_exit_eval "cp -p '$backup' '$conf'; rm -f '$backup'"
    else
        echo '{}' >"$backup"
        on_exit_eval "rm -f '$conf' '$backup'"
    fi
    jq --arg r "$REG_HOST/$1" --arg l "${2:-}" '. + {remote_registry: $r, remote_tls_verify: false}
        | if $l != "" then .registry = $l else . end' "$backup" >"$conf.tmp" &&
        mv "$conf.tmp" "$conf" || fail "cannot write $conf"
}
