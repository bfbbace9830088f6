#!/usr/bin/env bash
# Unikernels through a real OCI registry (docs/registry.md, "Remote registry"): push and pull by
# hand; ucrun's on-demand pull at create (also two at once: one pull); ucompose's pre-pull before
# `up` in the seed's form (tracker image + SERVICE_NAME) on a registry that never had the entry;
# and one-line errors for a registry that is down, a name it lacks and an image that is not a
# unikernel. Everything it made is removed: entries, images, containers, the registry.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_registry.sh"
uk_require
img_require
require_cmd jq curl python3
ensure_test_image
reg_start
ROOT=$(img_registry_root)
PREFIX=ucrun-test-$$
GUEST=$UK_GUESTS/multiboot.elf
[[ -f $GUEST ]] || fail "$GUEST missing (build the test_guests target)"

# rm_entry NAME at exit (whoever installed it).
rm_entry_on_exit() { on_exit_eval "[[ ! -e '$ROOT/$1' ]] || '$UCOMPOSE' unikernel rm '$1' --registry '$ROOT'"; }
uc_uk() { "$UCOMPOSE" --no-ansi unikernel "$@"; }
leftovers() { find "$ROOT" -maxdepth 1 -name '.tmp-*' -o -maxdepth 1 -name '.old-*' | grep -c . || true; }

log "push: a local entry becomes an OCI image in the registry; no local podman image is left"
src=ucrun-test-src-$$
rm_entry_on_exit "$src"
uc_uk import "$src" --kind multiboot --kernel "$GUEST" --cmdline exit=5 --memory 64 --registry "$ROOT" >/dev/null ||
    fail "unikernel import $src"
for n in mb mb2 mbc mbu; do
    out=$(uc_uk push "$src" "$REG_HOST/$PREFIX/$n" --tls-verify=false --registry "$ROOT" 2>&1) || fail "push $n: $out"
done
assert_contains "$out" "Unikernel $src  Pushed" "push prints its progress"
podman image exists "$REG_HOST/$PREFIX/mbu" && fail "push left the local image $REG_HOST/$PREFIX/mbu"
labels=$(skopeo inspect --tls-verify=false "docker://$REG_HOST/$PREFIX/mb:latest" | jq -r '.Labels["io.ucrun.unikernel.kind"]')
assert_eq multiboot "$labels" "the pushed image carries the unikernel labels"

log "pull by hand: REF -> local entry (named by --name, else the reference)"
got=ucrun-test-pulled-$$
rm_entry_on_exit "$got"
out=$(uc_uk pull "$REG_HOST/$PREFIX/mb" --name "$got" --tls-verify=false --registry "$ROOT" 2>&1) || fail "pull: $out"
assert_contains "$out" "Unikernel $got  Pulled" "pull prints its progress"
cmp -s "$GUEST" "$ROOT/$got/kernel" || fail "the pulled kernel differs from the pushed one"
assert_eq "$got" "$(jq -r .name "$ROOT/$got/manifest.json")" "the entry is named as asked"
assert_eq "exit=5" "$(jq -r .cmdline "$ROOT/$got/manifest.json")" "the manifest travels with the image"
assert_contains "$(uc_uk ls --registry "$ROOT")" "$got" "unikernel ls lists the pulled entry"
assert_eq 0 "$(leftovers)" "no staging directory is left in $ROOT"

log "errors: one line each, nothing installed"
down_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
out=$(uc_uk pull "127.0.0.1:$down_port/x/ucrun-test-down-$$" --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull from a registry that is down fails"
assert_contains "$out" "ucompose: error: registry http://127.0.0.1:$down_port/v2/ is not reachable (connection refused)" \
    "a registry that is down is named by its URL"
out=$(uc_uk pull "$REG_HOST/$PREFIX/ucrun-test-none-$$" --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull of a missing name fails"
assert_contains "$out" "ucompose: error: $REG_HOST/$PREFIX/ucrun-test-none-$$ not found in registry $REG_HOST" \
    "a missing name says where it looked"
podman push -q --tls-verify=false "$TEST_IMAGE" "$REG_HOST/$PREFIX/busybox:latest" >/dev/null 2>&1 ||
    fail "podman push $TEST_IMAGE to the registry"
out=$(uc_uk pull "$REG_HOST/$PREFIX/busybox" --name ucrun-test-bb-$$ --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull of an ordinary image fails"
assert_contains "$out" "$REG_HOST/$PREFIX/busybox is not a unikernel image: it has no io.ucrun.unikernel.* labels" \
    "an ordinary image is refused with a clear error"
out=$(uc_uk pull "$REG_HOST/$PREFIX/mb" --tls-verify=true --name ucrun-test-tls-$$ --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull over HTTPS from a plain-HTTP registry fails"
assert_contains "$out" "answers plain HTTP, not HTTPS" "the TLS mismatch is named"
for n in ucrun-test-none-$$ ucrun-test-bb-$$ ucrun-test-tls-$$ ucrun-test-down-$$; do
    [[ ! -e $ROOT/$n ]] || fail "a failed pull installed $n"
done
assert_eq 0 "$(leftovers)" "failed pulls leave no staging directory"

log "hostile images: a layer that unpacks past the limit, too many layers, too many files (docs/registry.md)"
# hostile_push NAME CONTAINERFILE-LINES...: a FROM scratch image with the unikernel labels and a
# manifest, pushed to the registry and removed locally.
hostile_push() {
    local name=$1 ctx
    shift
    ctx=$(mktemp -d /tmp/ucrun-test-hostile-reg.XXXXXX)
    mkdir -p "$ctx/unikernel"
    printf '{"name":"%s","kind":"multiboot","kernel":"kernel"}\n' "$name" >"$ctx/unikernel/manifest.json"
    cp "$GUEST" "$ctx/unikernel/kernel"
    { printf 'FROM scratch\nLABEL io.ucrun.unikernel.kind=multiboot\nCOPY unikernel/ /unikernel/\n'; printf '%s\n' "$@"; } \
        >"$ctx/Containerfile"
    head -c 1 /dev/zero >"$ctx/small"
    "${HOSTILE_PREPARE:-true}" "$ctx"
    podman build --pull=never -q -t "localhost/$name:latest" -f "$ctx/Containerfile" "$ctx" >/dev/null ||
        fail "podman build $name"
    rm -rf "$ctx"
    podman push -q --tls-verify=false "localhost/$name:latest" "$REG_HOST/$PREFIX/$name:latest" >/dev/null 2>&1 ||
        fail "podman push $name"
    podman rmi -f "localhost/$name:latest" >/dev/null
}
big_file() { head -c 1100M /dev/zero >"$1/big"; }
HOSTILE_PREPARE=big_file hostile_push "ucrun-test-bomb-$$" 'COPY big /unikernel/big'
out=$(uc_uk pull "$REG_HOST/$PREFIX/ucrun-test-bomb-$$" --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull of a layer that unpacks to 1.1 GiB"
assert_contains "$out" "layers unpack to more than the limit of 1 GiB" "the unpacked limit is named"
layers=()
for i in $(seq 1 17); do layers+=("COPY small /l$i"); done
hostile_push "ucrun-test-layers-$$" "${layers[@]}"
out=$(uc_uk pull "$REG_HOST/$PREFIX/ucrun-test-layers-$$" --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull of an image of 18 layers"
assert_contains "$out" "18 layers is more than the limit of 16" "the layer limit is named"
many_files() { mkdir "$1/many" && (cd "$1/many" && seq 1 4100 | xargs touch); }
HOSTILE_PREPARE=many_files hostile_push "ucrun-test-files-$$" 'COPY many /unikernel/many/'
out=$(uc_uk pull "$REG_HOST/$PREFIX/ucrun-test-files-$$" --tls-verify=false --registry "$ROOT" 2>&1)
assert_ne 0 "$?" "pull of an image of 4100 files"
assert_contains "$out" "holds more than the limit of 4096 tar members" "the file limit is named"
for n in ucrun-test-bomb-$$ ucrun-test-layers-$$ ucrun-test-files-$$; do [[ ! -e $ROOT/$n ]] || fail "a refused pull installed $n"; done
assert_eq 0 "$(leftovers)" "refused pulls leave no staging directory"

# From here on ucrun itself pulls: its config names the registry.
reg_set_remote "$PREFIX"

log "ucrun pulls on demand: podman run -e SERVICE_NAME=<not installed> boots it"
rm_entry_on_exit mb
[[ ! -e $ROOT/mb ]] || fail "$ROOT/mb exists before the test (another user's entry?)"
name=$(unique_name ondemand)
pm_rm_on_exit "$name"
before=$(reg_manifest_gets "$PREFIX/mb")
out=$(uk_run tcg --name "$name" -e SERVICE_NAME=mb "$TEST_IMAGE" 2>&1)
assert_eq 5 "$?" "the pulled unikernel ran and exited with its cmdline's code (output: $out)"
single=$(( $(reg_manifest_gets "$PREFIX/mb") - before ))   # what one pull asks for
assert_contains "$out" "hello from the ucrun multiboot test kernel" "the guest printed"
[[ -f $ROOT/mb/manifest.json ]] || fail "the on-demand pull did not install mb"

log "two containers of one missing name at once: one pull"
rm_entry_on_exit mb2
before=$(reg_manifest_gets "$PREFIX/mb2")
a=$(unique_name twin-a) b=$(unique_name twin-b)
pm_rm_on_exit "$a"
pm_rm_on_exit "$b"
uk_run tcg -d --name "$a" -e SERVICE_NAME=mb2 "$TEST_IMAGE" >/dev/null 2>"$REG_DIR/a.err" &
pa=$!
uk_run tcg -d --name "$b" -e SERVICE_NAME=mb2 "$TEST_IMAGE" >/dev/null 2>"$REG_DIR/b.err" &
pb=$!
wait "$pa" || fail "podman run $a: $(cat "$REG_DIR/a.err")"
wait "$pb" || fail "podman run $b: $(cat "$REG_DIR/b.err")"
assert_eq 5 "$(timeout 60 podman wait "$a")" "first twin's exit code"
assert_eq 5 "$(timeout 60 podman wait "$b")" "second twin's exit code"
gets=$(( $(reg_manifest_gets "$PREFIX/mb2") - before ))
assert_eq "$single" "$gets" "two concurrent first starts asked the registry as often as one pull"
assert_eq 0 "$(leftovers)" "concurrent pulls leave no staging directory"

log "ucrun's errors at create name the registry and the reference"
name=$(unique_name missing)
pm_rm_on_exit "$name"
out=$(uk_run tcg --name "$name" -e SERVICE_NAME=ucrun-test-nowhere-$$ "$TEST_IMAGE" 2>&1)
assert_ne 0 "$?" "a name in neither registry fails"
assert_contains "$out" "unknown unikernel \"ucrun-test-nowhere-$$\": not in the local registry $ROOT, and $REG_HOST/$PREFIX/ucrun-test-nowhere-$$:latest not found" \
    "the error says where it looked"

log "ucompose up in the seed's form pre-pulls what the host never had"
rm_entry_on_exit mbc
img_tracker
proj=uct-remote-$$
dir=$(mktemp -d /tmp/ucompose-test-remote.XXXXXX)
on_exit rm -rf "$dir"
cat >"$dir/compose.yaml" <<YAML
services:
  guest:
    image: $IMG_TRACKER
    environment:
      SERVICE_NAME: mbc
YAML
on_exit_eval "'$UCOMPOSE' -p $proj -f '$dir/compose.yaml' down -t 0"
out=$("$UCOMPOSE" --no-ansi -p "$proj" -f "$dir/compose.yaml" up -d 2>&1) || fail "up -d: $out"
assert_contains "$out" "Unikernel mbc  Pulled" "up shows the pull"
[[ $(grep -n "Unikernel mbc  Pulled" <<<"$out" | cut -d: -f1) -lt $(grep -n "Container ${proj}_guest_1  Created" <<<"$out" | cut -d: -f1) ]] ||
    fail "the pull did not come before the create: $out"
assert_eq 5 "$(timeout 60 podman wait "${proj}_guest_1")" "the pre-pulled unikernel ran"
"$UCOMPOSE" -p "$proj" -f "$dir/compose.yaml" down -t 0 >/dev/null 2>&1 || fail "down"

log "ucompose up with a name the registry lacks: one error, nothing created"
sed -i "s/SERVICE_NAME: mbc/SERVICE_NAME: ucrun-test-absent-$$/" "$dir/compose.yaml"
out=$("$UCOMPOSE" --no-ansi -p "$proj" -f "$dir/compose.yaml" up -d 2>&1)
assert_ne 0 "$?" "up with an absent unikernel fails"
assert_contains "$out" "ucompose: error: service \"guest\": unikernel \"ucrun-test-absent-$$\": $REG_HOST/$PREFIX/ucrun-test-absent-$$:latest not found" \
    "up names service, unikernel and reference"
[[ -z $(podman ps -aq --filter "label=com.docker.compose.project=$proj") ]] || fail "a container was created"
podman network exists "${proj}_default" && fail "the network was created"
log "ok"
