#include "runtime/unikernel/qemu_argv.hpp"

namespace ucrun::unikernel {

std::string qemu_escape(const std::string& value) {
    std::string out;
    for (char c : value) {
        out.push_back(c);
        if (c == ',') out.push_back(',');
    }
    return out;
}

Argv qemu_args(const VmPlan& p) {
    Argv a;
    auto add = [&](std::initializer_list<std::string> items) { a.insert(a.end(), items); };
    add({"-name", p.name});
    add({"-machine", "pc"});
    if (p.accel == Accel::kvm) {
        // -arch-capabilities: nested KVM (as on the CI machines) rejects QEMU's write of
        // MSR_IA32_ARCH_CAPABILITIES and QEMU aborts ("failed to set MSR 0x10a").
        add({"-accel", "kvm", "-cpu", "host,-arch-capabilities"});
    } else {
        add({"-accel", "tcg,tb-size=" + std::to_string(p.resources.tb_size_mib)});
    }
    add({"-m", std::to_string(p.resources.guest_mib), "-smp", std::to_string(p.resources.vcpus)});
    add({"-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"});
    add({"-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny"});
    for (const auto& dir : p.firmware_dirs) add({"-L", dir});
    // qboot only knows how to start a kernel: disks and multiboot ELFs keep SeaBIOS.
    if (p.kind == GuestKind::linux_ && !p.firmware.empty()) add({"-bios", p.firmware});
    add({"-chardev", "stdio,id=console,signal=off", "-serial", "chardev:console"});
    add({"-chardev", "file,id=exit,path=" + qemu_escape(p.exit_file), "-serial", "chardev:exit"});
    add({"-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"});
    add({"-qmp", "unix:" + qemu_escape(p.qmp_socket) + ",server=on,wait=off"});
    if (p.nic) {
        add({"-netdev", "tap,id=n0,ifname=" + qemu_escape(p.nic->tap) + ",script=no,downscript=no"});
        // host_mtu makes the guest's virtio-net driver take eth0's MTU (VIRTIO_NET_F_MTU).
        std::string mtu = p.nic->mtu > 0 ? ",host_mtu=" + std::to_string(p.nic->mtu) : "";
        add({"-device", "virtio-net-pci,netdev=n0,mac=" + p.nic->mac + mtu + ",romfile="});
    }
    switch (p.kind) {
    case GuestKind::linux_:
        add({"-kernel", p.kernel, "-initrd", p.initrd, "-append", p.append});
        break;
    case GuestKind::multiboot:
        add({"-kernel", p.kernel});
        if (!p.initrd.empty()) add({"-initrd", qemu_escape(p.initrd)});
        add({"-append", p.append});
        break;
    case GuestKind::disk:
        // snapshot=on: the guest's writes go to an overlay in $TMPDIR, a bounded tmpfs of the
        // container; when it is full the guest gets an I/O error (werror=report) instead of a
        // VM paused forever (QEMU's default, werror=enospc).
        add({"-drive", "file=" + qemu_escape(p.disk) + ",format=raw,if=virtio,snapshot=on,werror=report,rerror=report"});
        break;
    }
    return a;
}

Argv launch_argv(const LaunchPlan& l, const Argv& qemu) {
    Argv a{l.monitor, "--qmp", l.qmp_socket, "--exit-fd", std::to_string(l.exit_fd), "--stop-timeout",
           std::to_string(l.stop_timeout_s)};
    if (l.debug) a.push_back("--debug");
    if (l.no_thp) a.push_back("--no-thp");
    a.push_back("--");
    if (!l.loader.empty()) {
        a.push_back(l.loader);
        if (!l.library_path.empty()) {
            a.push_back("--library-path");
            a.push_back(l.library_path);
        }
    }
    a.push_back(l.qemu);
    a.insert(a.end(), qemu.begin(), qemu.end());
    return a;
}

}  // namespace ucrun::unikernel
