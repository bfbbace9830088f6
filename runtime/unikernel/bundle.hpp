// The derived bundle (pure): podman's config.json with the process replaced by the monitor, the
// host's QEMU reachable through read-only binds under one private directory, the VM's devices
// and their cgroup rules. Nothing is written into the image's rootfs: crun only creates the
// mount point /.ucrun (a tmpfs) in the container's own writable layer.
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
    std::vector<CharDevice> devices;
    std::string rootfs;              // absolute: the derived bundle lives elsewhere
};

// A copy of `original` with process.args/env/cwd replaced, root.path made absolute, a tmpfs at
// /.ucrun and the binds appended to mounts, and the devices added to linux.devices (mode 0666,
// unless already listed) with "rwm" allow rules in linux.resources.devices.
nlohmann::json derive_config(const nlohmann::json& original, const BundlePlan& plan);

}  // namespace ucrun::unikernel
