#!/usr/bin/env bash
# One unikernel, built by `ucompose unikernel build --image REF` into ucrun's registry and an OCI
# image, boots both ways under the real runtime:
#   - the OCI image, after a podman save / rmi / load round trip:
#     `podman run --rm --runtime ucrun REF` prints the app's line and exits with its status;
#   - the seed's way: the tracker image (`ucompose build tracker`) with SERVICE_NAME=<name>
#     boots the registry entry, and the container's env reaches the app.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_unikernel.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib_images.sh"
img_require

name=ucrun-test-ukimg-$$
image=localhost/$name:latest
registry=$(img_registry_root)

log "build $name into $registry and $image"
img_build "$name" --image "$image" --env MSG=image-default -- sh -c "echo \"ukimg-$$ says MSG=\$MSG\"; exit 7"
[[ -s $registry/$name/manifest.json ]] || fail "registry entry $registry/$name was not created"
podman image exists "$image" || fail "image $image was not created"

log "podman save / rmi / load"
podman save -o "$IMG_TMP/image.tar" "$image" >"$IMG_TMP/save.log" 2>&1 || fail "podman save failed: $(cat "$IMG_TMP/save.log")"
podman rmi "$image" >/dev/null || fail "podman rmi $image failed"
podman image exists "$image" && fail "$image still exists after podman rmi"
podman load -i "$IMG_TMP/image.tar" >"$IMG_TMP/load.log" 2>&1 || fail "podman load failed: $(cat "$IMG_TMP/load.log")"
podman image exists "$image" || fail "podman load did not bring back $image: $(cat "$IMG_TMP/load.log")"

log "podman run --rm --runtime $UCRUN_RUNTIME $image"
cname=$(unique_name oci)
pm_rm_on_exit "$cname"
out=$(pm run "${PODMAN_RUN_ARGS[@]}" --rm --pull=never --name "$cname" --cidfile "$IMG_TMP/oci.cid" "$image" 2>&1)
rc=$?
assert_contains "$out" "ukimg-$$ says MSG=image-default" "the loaded image's app ran with the image's default env"
assert_eq 7 "$rc" "podman run's exit status"
podman container exists "$cname" && fail "--rm left container $cname"
uk_assert_gone "$(cat "$IMG_TMP/oci.cid")"

log "the tracker with SERVICE_NAME=$name boots the registry entry"
img_tracker
cname=$(unique_name tracker)
pm_rm_on_exit "$cname"
out=$(pm run "${PODMAN_RUN_ARGS[@]}" --pull=never --name "$cname" -e "SERVICE_NAME=$name" -e MSG=from-tracker \
    "$IMG_TRACKER" 2>&1)
rc=$?
assert_contains "$out" "ukimg-$$ says MSG=from-tracker" "the registry entry's app ran with the container's env"
assert_not_contains "$out" "--runtime ucrun" "the tracker's own binary did not run"
assert_eq 7 "$rc" "podman run's exit status (tracker form)"
assert_eq 7 "$(img_exit_code "$cname")" "podman inspect ExitCode (tracker form)"
img_rm_check "$cname"
log "ok"
