// Golden tests of the QEMU and monitor command lines (runtime/unikernel/qemu_argv.cpp).
#include <catch2/catch.hpp>
#include <algorithm>
#include <sstream>

#include "runtime/unikernel/qemu_argv.hpp"

using namespace ucrun::unikernel;

namespace {

// One argument per line, so a golden diff reads like the command line.
std::string lines(const Argv& a) {
    std::string out;
    for (const auto& s : a) out += s + "\n";
    return out;
}

VmPlan base_plan() {
    VmPlan p;
    p.name = "0123456789ab";
    p.accel = Accel::tcg;
    p.resources.guest_mib = 384;
    p.resources.vcpus = 2;
    p.resources.tb_size_mib = 32;
    p.qmp_socket = "/.ucrun/vm/qmp.sock";
    p.exit_file = "/proc/self/fd/3";
    p.firmware_dirs = {"/.ucrun/usr/share/qemu", "/.ucrun/usr/share/seabios"};
    return p;
}

const char* kCommon = R"(-nodefaults
-no-user-config
-display
none
-no-reboot
-sandbox
on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny
-L
/.ucrun/usr/share/qemu
-L
/.ucrun/usr/share/seabios
-chardev
stdio,id=console,signal=off
-serial
chardev:console
-chardev
file,id=exit,path=/proc/self/fd/3
-serial
chardev:exit
-device
isa-debug-exit,iobase=0xf4,iosize=0x04
-qmp
unix:/.ucrun/vm/qmp.sock,server=on,wait=off
)";

}  // namespace

TEST_CASE("qemu_args: linux guest under TCG", "[unikernel][qemu]") {
    VmPlan p = base_plan();
    p.kind = GuestKind::linux_;
    p.kernel = "/.ucrun/guest/kernel";
    p.initrd = "/.ucrun/vm/initrd";
    p.append = "console=ttyS0 quiet panic=-1";
    std::string want = std::string(R"(-name
0123456789ab
-machine
pc
-accel
tcg,tb-size=32
-m
384
-smp
2
)") + kCommon + R"(-kernel
/.ucrun/guest/kernel
-initrd
/.ucrun/vm/initrd
-append
console=ttyS0 quiet panic=-1
)";
    CHECK(lines(qemu_args(p)) == want);
}

TEST_CASE("qemu_args: multiboot guest under KVM with a NIC", "[unikernel][qemu]") {
    VmPlan p = base_plan();
    p.accel = Accel::kvm;
    p.resources.tb_size_mib = 0;
    p.kind = GuestKind::multiboot;
    p.kernel = "/.ucrun/guest/kernel";
    p.append = "netdev.ip=10.88.0.5/16:10.88.0.1 -- a b";
    p.nic = GuestNic{"uk0123456789ab", "52:54:00:aa:bb:cc", "10.88.0.5", 16, "10.88.0.1", {}, "", 1400};
    std::string want = std::string(R"(-name
0123456789ab
-machine
pc
-accel
kvm
-cpu
host,-arch-capabilities
-m
384
-smp
2
)") + kCommon + R"(-netdev
tap,id=n0,ifname=uk0123456789ab,script=no,downscript=no
-device
virtio-net-pci,netdev=n0,mac=52:54:00:aa:bb:cc,host_mtu=1400,romfile=
-kernel
/.ucrun/guest/kernel
-append
netdev.ip=10.88.0.5/16:10.88.0.1 -- a b
)";
    CHECK(lines(qemu_args(p)) == want);
}

TEST_CASE("qemu_args: disk guest, commas escaped", "[unikernel][qemu]") {
    VmPlan p = base_plan();
    p.kind = GuestKind::disk;
    p.disk = "/a,b/disk.img";
    Argv a = qemu_args(p);
    REQUIRE(a.size() >= 2);
    CHECK(a[a.size() - 2] == "-drive");
    CHECK(a.back() == "file=/a,,b/disk.img,format=raw,if=virtio,snapshot=on,werror=report,rerror=report");
    CHECK(std::find(a.begin(), a.end(), "-kernel") == a.end());
}

TEST_CASE("qemu_args: multiboot initrd is a module list, escaped", "[unikernel][qemu]") {
    VmPlan p = base_plan();
    p.kind = GuestKind::multiboot;
    p.kernel = "/k";
    p.initrd = "/.ucrun/guest/initrd";
    Argv a = qemu_args(p);
    auto it = std::find(a.begin(), a.end(), "-initrd");
    REQUIRE(it != a.end());
    CHECK(*(it + 1) == "/.ucrun/guest/initrd");
}

TEST_CASE("launch_argv: monitor, loader, qemu", "[unikernel][qemu]") {
    LaunchPlan l{"/.ucrun/monitor", "/.ucrun/vm/qmp.sock", 3, 10, false, false,
                 "/.ucrun/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/.ucrun/usr/lib/x86_64-linux-gnu",
                 "/.ucrun/usr/bin/qemu-system-x86_64"};
    CHECK(lines(launch_argv(l, {"-m", "256"})) == R"(/.ucrun/monitor
--qmp
/.ucrun/vm/qmp.sock
--exit-fd
3
--stop-timeout
10
--
/.ucrun/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
--library-path
/.ucrun/usr/lib/x86_64-linux-gnu
/.ucrun/usr/bin/qemu-system-x86_64
-m
256
)");
    l.debug = true;
    l.loader.clear();
    Argv a = launch_argv(l, {});
    CHECK(a == Argv{"/.ucrun/monitor", "--qmp", "/.ucrun/vm/qmp.sock", "--exit-fd", "3",
                    "--stop-timeout", "10", "--debug", "--", "/.ucrun/usr/bin/qemu-system-x86_64"});
    l.no_thp = true;  // under TCG
    a = launch_argv(l, {});
    CHECK(a == Argv{"/.ucrun/monitor", "--qmp", "/.ucrun/vm/qmp.sock", "--exit-fd", "3",
                    "--stop-timeout", "10", "--debug", "--no-thp", "--", "/.ucrun/usr/bin/qemu-system-x86_64"});
}

TEST_CASE("qemu_args: qboot starts linux guests, SeaBIOS the others", "[unikernel][qemu]") {
    auto bios_of = [](GuestKind kind) {
        VmPlan p = base_plan();
        p.kind = kind;
        p.kernel = "/.ucrun/guest/kernel";
        p.disk = "/.ucrun/guest/disk";
        p.firmware = "/.ucrun/usr/share/qemu/qboot.rom";
        Argv a = qemu_args(p);
        for (size_t i = 0; i + 1 < a.size(); ++i)
            if (a[i] == "-bios") return a[i + 1];
        return std::string("(none)");
    };
    CHECK(bios_of(GuestKind::linux_) == "/.ucrun/usr/share/qemu/qboot.rom");
    CHECK(bios_of(GuestKind::multiboot) == "(none)");
    CHECK(bios_of(GuestKind::disk) == "(none)");
    VmPlan p = base_plan();
    p.kind = GuestKind::linux_;
    Argv a = qemu_args(p);  // no qboot on the host: QEMU's default firmware
    CHECK(std::find(a.begin(), a.end(), "-bios") == a.end());
}
