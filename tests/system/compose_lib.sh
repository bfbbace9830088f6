# Helpers for tests/system/test_compose_*.sh (sourced after lib.sh): a project directory of
# its own, the ucompose binary, and a cleanup that brings the project down.
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}

# compose_project NAME: sets PROJECT, PROJECT_DIR (a fresh temp dir), registers `down -v` at exit.
compose_project() {
    require_root
    require_cmd podman
    require_host_setup
    [[ -x $UCOMPOSE ]] || fail "ucompose binary $UCOMPOSE is missing (build the ucompose target)"
    ensure_test_image
    PROJECT="uct-$1-$$"
    PROJECT_DIR=$(mktemp -d "/tmp/ucompose-test-$1.XXXXXX")
    on_exit rm -rf "$PROJECT_DIR"
    on_exit_eval "'$UCOMPOSE' -p '$PROJECT' -f '$PROJECT_DIR/compose.yaml' down -v -t 0 --remove-orphans"
}

# uc ARGS...: ucompose on the test project.
uc() { "$UCOMPOSE" --no-ansi -p "$PROJECT" -f "$PROJECT_DIR/compose.yaml" "$@"; }

# A long-running command that exits at once on SIGTERM (busybox sleep as PID 1 would not).
IDLE_CMD='["sh", "-c", "trap \"exit 0\" TERM; sleep 1000 & wait"]'

state_of() { podman inspect --format '{{.State.Status}}' "$1" 2>/dev/null; }
id_of() { podman inspect --format '{{.Id}}' "$1" 2>/dev/null; }
# started_ns NAME: State.StartedAt as nanoseconds since the epoch.
started_ns() { date -d "$(podman inspect --format '{{.State.StartedAt}}' "$1" | sed 's/ +0000 UTC.*//')" +%s%N; }
