#!/usr/bin/env bash
# ucompose unikernel build of busybox-static's httpd into a temp registry: the entry is complete,
# bad input fails cleanly, and the initrd boots under QEMU (TCG is enough) with the guest contract
# of docs/guest-contract.md: default args, the container's args/env/network through an appended
# /ucrun cpio, exit=<code> on COM2, and SIGTERM on an ACPI power-button press.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_root
require_cmd qemu-system-x86_64 cpio curl busybox
UCOMPOSE=${UCOMPOSE:-$UCRUN_BUILD_DIR/cli/ucompose}
[[ -x $UCOMPOSE ]] || fail "ucompose is not built at $UCOMPOSE"
BUSYBOX=$(readlink -f "$(command -v busybox)")

tmp=$(mktemp -d /tmp/ucrun-test-ukbuild.XXXXXX)
on_exit rm -rf "$tmp"
reg=$tmp/registry
mkdir -p "$tmp/www"
echo '<h1>hello from a unikernel</h1>' >"$tmp/www/index.html"

log "build busybox httpd into $reg"
"$UCOMPOSE" unikernel build "$BUSYBOX" --name httpd --registry "$reg" --env GREETING=default \
    --file "$tmp/www:/www" -- httpd -f -v -p 80 -h /www >"$tmp/build.log" 2>&1 ||
    fail "unikernel build failed: $(cat "$tmp/build.log")"
entry=$reg/httpd
for f in manifest.json vmlinux.gz initrd.img; do [[ -s $entry/$f ]] || fail "$entry/$f is missing"; done
manifest=$(cat "$entry/manifest.json")
assert_contains "$manifest" '"kernel": "vmlinux.gz"' "manifest kernel (the purpose-built PVH kernel, gzipped)"
# Bare QEMU below boots what ucrun would: the unpacked PVH ELF.
gzip -dc "$entry/vmlinux.gz" >"$tmp/vmlinux" || fail "$entry/vmlinux.gz is not gzip"
cmp -s "$tmp/vmlinux" "$(readlink -f "${UCRUN_KERNELS:-/var/lib/ucrun/kernels}/current/vmlinux")" ||
    fail "the entry's kernel is not the current purpose-built kernel"
memory=$(jq -r .memory_mib "$entry/manifest.json")
assert_eq 64 "$memory" "default guest RAM sized for busybox on the purpose-built kernel"
assert_contains "$manifest" '"kind": "linux"' "manifest kind"
assert_contains "$manifest" '"initrd": "initrd.img"' "manifest initrd"
initrd_size=$(stat -c %s "$entry/initrd.img")
log "initrd: $initrd_size bytes"
((initrd_size <= 3 * 1024 * 1024)) || fail "initrd is $initrd_size bytes, more than 3 MiB"
assert_eq 28b52ffd "$(head -c 4 "$entry/initrd.img" | od -An -tx1 | tr -d ' \n')" "the initramfs is zstd (its magic)"
listing=$(zstd -dcq "$entry/initrd.img" | cpio -t --quiet 2>/dev/null)
for f in init dev/console "${BUSYBOX#/}" www/index.html ucrun.default/args; do
    grep -qx "$f" <<<"$listing" || fail "initrd lacks $f"
done
# The purpose-built kernel has its drivers built in: no modules in the image.
! grep -q '^lib/modules' <<<"$listing" || fail "initrd carries modules for a kernel without modules"
assert_contains "$("$UCOMPOSE" unikernel ls --registry "$reg")" httpd "unikernel ls"

log "bad input: clear errors, nothing left in the registry"
expect_error() { # WHAT NEEDLE ARGS...
    local what=$1 needle=$2 out
    shift 2
    out=$("$UCOMPOSE" unikernel build "$@" 2>&1) && fail "$what: succeeded"
    assert_contains "$out" "$needle" "$what"
}
expect_error "missing ELF" "No such file or directory" /nonexistent/prog --name a --registry "$reg"
expect_error "not an ELF" "not an ELF file" /etc/hostname --name a --registry "$reg"
expect_error "escaping name" "invalid unikernel name" "$BUSYBOX" --name ../x --registry "$reg"
expect_error "existing name" "already exists" "$BUSYBOX" --name httpd --registry "$reg"
expect_error "missing kernel" "kernel /nonexistent/vmlinuz" "$BUSYBOX" --name b --kernel /nonexistent/vmlinuz --registry "$reg"
printf '\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0' >"$tmp/fake"
expect_error "truncated ELF" "truncated" "$tmp/fake" --name c --registry "$reg"
if command -v gcc >/dev/null; then # a program whose library is gone
    mkdir -p "$tmp/lib"
    echo 'int foo(void){return 0;}' | gcc -shared -fPIC -x c - -o "$tmp/lib/libucrunmissing.so"
    echo 'int foo(void); int main(void){return foo();}' | gcc -x c - -o "$tmp/needs-missing" -L"$tmp/lib" -lucrunmissing
    rm "$tmp/lib/libucrunmissing.so"
    expect_error "missing library" "library libucrunmissing.so needed by" "$tmp/needs-missing" --name d --registry "$reg"
fi
assert_eq "httpd" "$(ls -A "$reg")" "registry content after the failures"

log "--force replaces the entry"
"$UCOMPOSE" unikernel build "$BUSYBOX" --name httpd --registry "$reg" --force --env GREETING=default \
    --file "$tmp/www:/www" -- httpd -f -v -p 80 -h /www >/dev/null 2>&1 || fail "rebuild with --force failed"
assert_eq "httpd" "$(ls -A "$reg")" "registry content after --force"

# boot IMG_SUFFIX ARGS...: boots the entry with /ucrun/{args,env,net} appended; console in
# $tmp/console, COM2 in $tmp/exit, HMP monitor on the fifo $tmp/mon.
port=$((20000 + $$ % 20000))
make_initrd() { # ARGS...: $tmp/boot.img = entry's initrd + /ucrun cpio
    rm -rf "$tmp/u" && mkdir -p "$tmp/u/ucrun"
    : >"$tmp/u/ucrun/args"
    local a
    for a in "$@"; do printf '%s\0' "$a" >>"$tmp/u/ucrun/args"; done
    printf 'GREETING=from-container\0' >"$tmp/u/ucrun/env"
    printf 'mac=52:54:00:12:34:56\nip=10.0.2.15\nprefix=24\ngw=10.0.2.2\ndns=10.0.2.3\nhostname=web\n' >"$tmp/u/ucrun/net"
    cp "$entry/initrd.img" "$tmp/boot.img"
    local size pad
    size=$(stat -c %s "$tmp/boot.img")
    pad=$(((4 - size % 4) % 4))
    head -c "$pad" /dev/zero >>"$tmp/boot.img"
    (cd "$tmp/u" && find ucrun | cpio -o -H newc --quiet) >>"$tmp/boot.img"
}
start_vm() {
    rm -f "$tmp/exit" "$tmp/console" "$tmp/mon"
    mkfifo "$tmp/mon"
    exec {MON}<>"$tmp/mon"
    qemu-system-x86_64 -M pc -accel tcg -bios /usr/share/qemu/qboot.rom -nodefaults -no-user-config -display none \
        -serial "file:$tmp/console" -serial "file:$tmp/exit" -monitor stdio \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$tmp/vmlinux" -initrd "$tmp/boot.img" \
        -append 'console=ttyS0 quiet panic=-1 no_timer_check nolapic_timer' -no-reboot -m "$memory" \
        -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$port-:80" \
        -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56,romfile= <&$MON >"$tmp/monitor.log" 2>&1 &
    QEMU=$!
    on_exit_eval "kill -9 $QEMU 2>/dev/null || true"
}
wait_vm() { # returns QEMU's status
    local rc
    wait "$QEMU"
    rc=$?
    exec {MON}>&-
    return $rc
}

log "boot: the container's args and env reach the app, exit 3 reaches COM2"
make_initrd "$BUSYBOX" sh -c 'echo "GREETING=$GREETING"; cat /etc/resolv.conf; exit 3'
start_vm
wait_vm
assert_eq 0 "$?" "QEMU's status after the guest powered off"
assert_eq $'report=exit\nexit=3' "$(cat "$tmp/exit")" "the promise, then the exit line on COM2"
assert_contains "$(cat "$tmp/console")" "GREETING=from-container" "the container's env wins over the image's"
assert_contains "$(cat "$tmp/console")" "nameserver 10.0.2.3" "resolv.conf from /ucrun/net"

log "boot: the tracker's placeholder args run the image's default command (httpd), which answers HTTP"
make_initrd /loop-svc
start_vm
wait_for 120 "HTTP from the guest's httpd" curl -sf -m 2 "http://127.0.0.1:$port/"
assert_contains "$(curl -sf -m 5 "http://127.0.0.1:$port/")" "hello from a unikernel" "page served by the guest"

log "ACPI power button (system_powerdown): SIGTERM to the app, exit 143, power off"
echo system_powerdown >&$MON
wait_vm
assert_eq $'report=exit\nexit=143' "$(cat "$tmp/exit")" "the promise, then the exit line after system_powerdown"
log "ok"
