# Helpers for tests/system/test_unikernel_*.sh, on top of lib.sh (source lib.sh first).
# The guests are built by CMake (tests/guests/, target test_guests); images are FROM scratch,
# built offline and removed at exit.

UK_GUESTS=${UCRUN_BUILD_DIR}/tests/guests
UK_MONITOR=${UCRUN_MONITOR_PATH:-/usr/local/lib/ucrun/ucrun-monitor}

# uk_require: everything a unikernel test needs on this machine.
uk_require() {
    require_podman_runtime
    require_cmd qemu-system-x86_64 cpio busybox
    [[ -f $UK_GUESTS/multiboot.elf && -f $UK_GUESTS/bootdisk.img ]] ||
        fail "test guests missing in $UK_GUESTS (cmake --build <build> --target test_guests)"
    [[ -x $UK_MONITOR ]] || fail "$UK_MONITOR missing (cmake --install <build>, or install ucrun-monitor there)"
}

# uk_kvm_works: /dev/kvm exists, is not kvm-pvm (see runtime/unikernel/accel.hpp) and QEMU can
# start a KVM machine with it.
uk_kvm_works() {
    [[ -c /dev/kvm ]] || return 1
    if [[ -e /sys/module/kvm_pvm && ! -e /sys/module/kvm_intel && ! -e /sys/module/kvm_amd ]]; then
        return 1
    fi
    printf '{"execute":"qmp_capabilities"}\n{"execute":"quit"}\n' |
        timeout 20 qemu-system-x86_64 -accel kvm -machine none -nodefaults -display none -qmp stdio >/dev/null 2>&1
}

# UK_ACCELS: the accelerators to run each scenario under: tcg always (CI has no KVM), kvm when
# it works here. UCRUN_TEST_ACCELS="tcg" narrows it.
if [[ -n ${UCRUN_TEST_ACCELS:-} ]]; then
    read -r -a UK_ACCELS <<<"$UCRUN_TEST_ACCELS"
elif uk_kvm_works; then
    UK_ACCELS=(tcg kvm)
else
    UK_ACCELS=(tcg)
fi

# uk_image NAME FILE DEST [--annotation K=V ...]: a FROM scratch image holding FILE at DEST
# with ENTRYPOINT [DEST], tagged localhost/ucrun-test-NAME-<pid>, removed at exit. The tag is
# left in UK_IMAGE (not printed: a $(...) subshell would lose the on_exit registration).
uk_image() {
    local name=$1 file=$2 dest=$3
    shift 3
    local tag="localhost/ucrun-test-$name-$$:latest" ctx
    ctx=$(mktemp -d /tmp/ucrun-uk-image.XXXXXX)
    mkdir -p "$ctx/root$(dirname "$dest")"
    cp "$file" "$ctx/root$dest"
    printf 'FROM scratch\nCOPY root/ /\nENTRYPOINT ["%s"]\n' "$dest" >"$ctx/Containerfile"
    podman build --pull=never -q "$@" -t "$tag" -f "$ctx/Containerfile" "$ctx" >/dev/null ||
        fail "podman build of $tag failed"
    rm -rf "$ctx"
    on_exit podman rmi -f "$tag"
    UK_IMAGE=$tag
}

# uk_multiboot_image NAME: the multiboot test kernel with io.ucrun.unikernel.* annotations.
uk_multiboot_image() {
    uk_image "$1" "$UK_GUESTS/multiboot.elf" /kernel \
        --annotation io.ucrun.unikernel.kind=multiboot --annotation io.ucrun.unikernel.kernel=/kernel
}

# uk_disk_image NAME CODE: the boot-sector disk, patched to exit with CODE (0..99).
uk_disk_image() {
    local disk
    disk=$(mktemp /tmp/ucrun-uk-disk.XXXXXX)
    on_exit rm -f "$disk"
    cp "$UK_GUESTS/bootdisk.img" "$disk"
    printf "$(printf '\\%03o' "$2")" | dd of="$disk" bs=1 seek=509 conv=notrunc status=none
    uk_image "$1" "$disk" /disk.img \
        --annotation io.ucrun.unikernel.kind=disk --annotation io.ucrun.unikernel.disk=/disk.img
}

# uk_linux_initrd OUT: a test initramfs from busybox-static and a shell init that follows
# docs/guest-contract.md: it prints its /ucrun/args and /ucrun/env, exits with the number N of
# an argument "exit=N" (reported as "exit=N" on ttyS1), and powers off; with an argument "spin"
# it sleeps forever first.
uk_linux_initrd() {
    local out=$1 dir
    dir=$(mktemp -d /tmp/ucrun-uk-initrd.XXXXXX)
    mkdir -p "$dir/bin" "$dir/proc" "$dir/sys" "$dir/dev"
    cp "$(command -v busybox)" "$dir/bin/busybox"
    cat >"$dir/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t devtmpfs dev /dev
echo "hello from the ucrun linux test guest"
args=$(tr '\0' ' ' </ucrun/args)
echo "args: $args"
tr '\0' '\n' </ucrun/env | grep '^UK_' | sed 's/^/env: /'
echo "cwd: $(cat /ucrun/cwd)"
echo "memory: $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) MiB"
code=0
for a in $args; do case $a in exit=*) code=${a#exit=} ;; esac; done
for a in $args; do case $a in spin) echo spinning; while :; do sleep 3600; done ;; esac; done
echo "exit=$code" >/dev/ttyS1
poweroff -f
INIT
    chmod 755 "$dir/init"
    (cd "$dir" && find . | cpio -o -H newc --quiet | gzip -1) >"$out" || fail "building $out"
    rm -rf "$dir"
}

# uk_guest_kernel [ours|debian]: the kernel a linux test guest boots. `ours` (the default) is the
# purpose-built kernel of `ucompose kernel build` (scripts/test builds it before the tests);
# `debian` is the host's newest /boot/vmlinuz-*, the fallback that one test keeps using.
uk_guest_kernel() {
    local which=${1:-ours} kernel
    case $which in
    ours)
        kernel=${UCRUN_KERNELS:-/var/lib/ucrun/kernels}/current/vmlinux
        [[ -f $kernel ]] || fail "no purpose-built guest kernel at $kernel (run: ucompose kernel build)"
        ;;
    debian)
        kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n1)
        [[ -n $kernel ]] || fail "no /boot/vmlinuz-* (Debian package linux-image-cloud-amd64)"
        ;;
    *) fail "uk_guest_kernel: ours or debian, not $which" ;;
    esac
    readlink -f "$kernel"
}

# uk_linux_image NAME [ours|debian]: a guest kernel (uk_guest_kernel) + the test initramfs,
# annotated as a linux guest.
uk_linux_image() {
    local kernel ctx tag="localhost/ucrun-test-$1-$$:latest"
    kernel=$(uk_guest_kernel "${2:-ours}") || exit 1
    ctx=$(mktemp -d /tmp/ucrun-uk-linux.XXXXXX)
    mkdir -p "$ctx/root/boot"
    cp "$kernel" "$ctx/root/boot/vmlinuz"
    uk_linux_initrd "$ctx/root/boot/initrd.img"
    printf 'FROM scratch\nCOPY root/ /\nENTRYPOINT ["/app"]\n' >"$ctx/Containerfile"
    podman build --pull=never -q -t "$tag" \
        --annotation io.ucrun.unikernel.kind=linux --annotation io.ucrun.unikernel.kernel=/boot/vmlinuz \
        --annotation io.ucrun.unikernel.initrd=/boot/initrd.img -f "$ctx/Containerfile" "$ctx" >/dev/null ||
        fail "podman build of $tag failed"
    rm -rf "$ctx"
    on_exit podman rmi -f "$tag"
    UK_IMAGE=$tag
}

# uk_run ACCEL ARGS...: podman run with ucrun, the test's ulimits and the accelerator.
uk_run() {
    local accel=$1
    shift
    pm run "${PODMAN_RUN_ARGS[@]}" --annotation "io.ucrun.accel=$accel" "$@"
}

# uk_full_id NAME: the container's full id (while it exists).
uk_full_id() { podman inspect --format '{{.Id}}' "$1" 2>/dev/null; }

# uk_qemu_pids ID: QEMU processes started for container ID (matched by -name <id[0:12]>).
uk_qemu_pids() { pgrep -f "qemu-system-x86_64 -name ${1:0:12} " || true; }

# uk_assert_gone ID: no QEMU, monitor or ucrun state is left for container ID.
uk_assert_gone() {
    local id=$1
    wait_quiet 10 test -z "$(uk_qemu_pids "$id")" || fail "QEMU of ${id:0:12} still running: $(uk_qemu_pids "$id")"
    [[ ! -e /run/ucrun/containers/$id ]] || fail "ucrun state /run/ucrun/containers/$id left behind"
    [[ ! -e /run/ucrun/crun/$id ]] || fail "crun state /run/ucrun/crun/$id left behind"
}

# uk_logs_wait NAME TEXT: wait until podman logs NAME contains TEXT.
uk_logs_have() { podman logs "$1" 2>&1 | grep -qF -- "$2"; }
