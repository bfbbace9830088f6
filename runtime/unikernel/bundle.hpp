// The derived bundle (pure): podman's config.json with the process replaced by the monitor, the
// host's QEMU reachable through read-only binds under one private directory, the VM's devices
// and their cgroup rules.
//
// The VMM never runs in the image's rootfs (docs/security.md): root.path is an empty directory of
// ucrun's own, read-only, so no file of the image (an /etc/ld.so.preload, say) is ever loaded,
// executed or preloaded on the host side. The image's kernel, initrd and disk reach the VMM as
// read-only file binds. The container's own mounts (volumes, binds, tmpfs, secrets, podman's
// /etc/hosts...) are kept, moved under /.ucrun/mounts, where they are out of the loader's way;
// only /proc, /dev and /sys stay where they are. The process gets no capability at all (QEMU
// opens the tap as its owner) and no_new_privileges.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ucrun::unikernel {

// Inside the container.
inline constexpr const char* kPrivateDir = "/.ucrun";            // tmpfs holding the binds below
inline constexpr const char* kUsrDir = "/.ucrun/usr";            // host /usr, read-only
inline constexpr const char* kMonitorPath = "/.ucrun/monitor";   // the monitor binary, read-only
inline constexpr const char* kVmDir = "/.ucrun/vm";              // <state>/vm: QMP, exit file, initrd
inline constexpr const char* kGuestDir = "/.ucrun/guest";        // kernel, disk: read-only file binds
inline constexpr const char* kTmpDir = "/.ucrun/tmp";            // $TMPDIR: QEMU's disk overlay (tmpfs)
inline constexpr const char* kMountsDir = "/.ucrun/mounts";      // the container's own mounts

struct TmpfsMount {
    std::string destination;
    unsigned long long size_bytes = 0;
    std::string mode = "1777";
};

struct BindMount {
    std::string destination;
    std::string source;
    bool read_only = true;
    bool exec = false;   // noexec unless set
    bool recursive = false;
};

struct CharDevice {
    std::string path;   // /dev/kvm
    long major = 0;
    long minor = 0;
};

struct BundlePlan {
    std::vector<std::string> args;   // the monitor's argv
    std::vector<std::string> env;    // the monitor's (and QEMU's) environment
    std::vector<BindMount> binds;    // after the /.ucrun tmpfs, in order
    std::vector<TmpfsMount> tmpfs;   // after the binds
    std::vector<CharDevice> devices;
    std::string rootfs;              // absolute: ucrun's own empty root directory
};

// Where a mount of the original config.json goes: /proc, /dev and /sys (and what is under them)
// stay, every other destination moves under kMountsDir. Pure.
std::string relocated_destination(const std::string& destination);

// A copy of `original` with process.args/env/cwd replaced, no capabilities and
// noNewPrivileges, root.path = plan.rootfs (read-only); mounts in this order: the original's
// /proc, /dev and /sys mounts, a tmpfs at /.ucrun, the binds, the tmpfs mounts, then the
// original's other mounts under kMountsDir; and the devices added to linux.devices (mode 0666,
// unless already listed) with "rwm" allow rules in linux.resources.devices.
nlohmann::json derive_config(const nlohmann::json& original, const BundlePlan& plan);

}  // namespace ucrun::unikernel
