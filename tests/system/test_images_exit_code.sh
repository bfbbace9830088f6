#!/usr/bin/env bash
# The app's exit status in a unikernel made by `ucompose unikernel build` is the container's:
#   - the image's default command `sh -c 'exit 3'` makes `podman run --runtime ucrun` exit 3,
#     with the guest's console on its stdout, and `podman inspect` says ExitCode 3;
#   - a command given to `podman run IMAGE CMD...` replaces the image's default, and an app
#     killed by SIGTERM gives 143 (128+15);
#   - a guest whose kernel panics (the app writes "c" to /proc/sysrq-trigger) never reports an
#     exit code, and the container exits 255, not 0 (docs/guest-contract.md).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require

name=ucrun-test-exit-$$
image=localhost/$name:latest

log "build $image with the default command: sh -c 'exit 3'"
img_build "$name" --no-registry --image "$image" -- sh -c "echo default-command-ran-$$; exit 3"

log "podman run --runtime $UCRUN_RUNTIME $image (foreground)"
cname=$(unique_name three)
pm_rm_on_exit "$cname"
out=$(pm run "${PODMAN_RUN_ARGS[@]}" --pull=never --name "$cname" "$image" 2>&1)
rc=$?
assert_contains "$out" "default-command-ran-$$" "the guest's console on podman run's output"
assert_eq 3 "$rc" "podman run's exit status"
assert_eq exited "$(pm_status "$cname")" "container status"
assert_eq 3 "$(img_exit_code "$cname")" "podman inspect ExitCode"
img_rm_check "$cname"

log "podman run $image CMD: the container's command, killed by SIGTERM"
cname=$(unique_name signal)
pm_rm_on_exit "$cname"
out=$(pm run "${PODMAN_RUN_ARGS[@]}" --pull=never --name "$cname" "$image" \
    "$BUSYBOX" sh -c "echo container-command-ran-$$; kill -TERM \$\$; echo not-killed" 2>&1)
rc=$?
assert_contains "$out" "container-command-ran-$$" "the container's command ran"
assert_not_contains "$out" "default-command-ran-$$" "the image's default command did not run"
assert_not_contains "$out" "not-killed" "the shell died of SIGTERM"
assert_eq 143 "$rc" "podman run's exit status for an app killed by SIGTERM"
assert_eq 143 "$(img_exit_code "$cname")" "podman inspect ExitCode for an app killed by SIGTERM"
img_rm_check "$cname"

log "podman run $image CMD: the guest's kernel panics"
cname=$(unique_name panic)
pm_rm_on_exit "$cname"
out=$(pm run "${PODMAN_RUN_ARGS[@]}" --pull=never --name "$cname" "$image" \
    "$BUSYBOX" sh -c "echo panicking-$$; echo c >/proc/sysrq-trigger; echo survived" 2>&1)
rc=$?
assert_contains "$out" "panicking-$$" "the container's command ran"
assert_contains "$out" "Kernel panic" "the guest's kernel panicked"
assert_not_contains "$out" "survived" "the app did not outlive the panic"
assert_eq 255 "$rc" "podman run's exit status for a guest that crashed"
assert_eq 255 "$(img_exit_code "$cname")" "podman inspect ExitCode for a guest that crashed"
img_rm_check "$cname"
log "ok"
