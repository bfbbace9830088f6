#!/usr/bin/env bash
# The seed's way: an ordinary image plus SERVICE_NAME=<name> boots the registry's entry
# <registry>/<name>/ (docs/registry.md); an unknown or invalid name fails at create with a clear
# error and leaves nothing behind.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
uk_require
ensure_test_image

registry=/var/lib/ucrun/registry   # ucrun's default; env overrides do not cross podman
if [[ -f /etc/ucrun/ucrun.json ]]; then
    configured=$(sed -n 's/.*"registry"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' /etc/ucrun/ucrun.json)
    [[ -n $configured ]] && registry=$configured
fi
if [[ ! -d $registry ]]; then
    mkdir -p "$registry" || fail "mkdir $registry"
    on_exit rmdir "$registry"
fi
entry_name="ucrun-test-reg-$$"
entry="$registry/$entry_name"
mkdir "$entry" || fail "mkdir $entry"
on_exit rm -rf "$entry"
cp "$UK_GUESTS/multiboot.elf" "$entry/kernel.elf"
cat >"$entry/manifest.json" <<JSON
{"name": "$entry_name", "kind": "multiboot", "kernel": "kernel.elf", "cmdline": "exit=5", "memory_mib": 64}
JSON

for accel in "${UK_ACCELS[@]}"; do
    name=$(unique_name "$accel")
    pm_rm_on_exit "$name"
    uk_run "$accel" -d --name "$name" -e SERVICE_NAME="$entry_name" "$TEST_IMAGE" >/dev/null ||
        fail "podman run with SERVICE_NAME=$entry_name ($accel)"
    code=$(timeout 60 podman wait "$name") || fail "podman wait $name"
    logs=$(podman logs "$name" 2>&1)
    assert_contains "$logs" "hello from the ucrun multiboot test kernel" "registry entry booted ($accel)"
    assert_contains "$logs" "memory: 63 MiB" "the manifest's memory_mib without a limit ($accel)"
    assert_eq 5 "$code" "exit code from the manifest's cmdline ($accel)"
done

count_state() { find /run/ucrun/containers -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
before=$(count_state)
name=$(unique_name unknown)
pm_rm_on_exit "$name"
out=$(uk_run tcg --name "$name" -e SERVICE_NAME=ucrun-test-no-such-entry "$TEST_IMAGE" 2>&1)
assert_ne 0 "$?" "unknown SERVICE_NAME must fail"
assert_contains "$out" 'unknown unikernel "ucrun-test-no-such-entry"' "error names the unknown unikernel"
assert_eq "$before" "$(count_state)" "a failed create leaves no ucrun state"

name=$(unique_name invalid)
pm_rm_on_exit "$name"
out=$(uk_run tcg --name "$name" -e SERVICE_NAME=../../etc "$TEST_IMAGE" 2>&1)
assert_ne 0 "$?" "invalid SERVICE_NAME must fail"
assert_contains "$out" 'invalid unikernel name "../../etc"' "error names the invalid name"
assert_eq "$before" "$(count_state)" "a failed create leaves no ucrun state"

# A manifest whose kernel escapes the entry is refused.
bad="$registry/ucrun-test-bad-$$"
mkdir "$bad" || fail "mkdir $bad"
on_exit rm -rf "$bad"
printf '{"name":"ucrun-test-bad-%s","kind":"multiboot","kernel":"../%s/kernel.elf"}\n' $$ "$entry_name" >"$bad/manifest.json"
name=$(unique_name escape)
pm_rm_on_exit "$name"
out=$(uk_run tcg --name "$name" -e SERVICE_NAME="ucrun-test-bad-$$" "$TEST_IMAGE" 2>&1)
assert_ne 0 "$?" "a manifest path with .. must fail"
assert_contains "$out" '".." is not allowed' "error for a kernel path leaving the entry"
log "ok (${UK_ACCELS[*]})"
