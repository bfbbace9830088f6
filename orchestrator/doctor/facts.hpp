// What `ucompose doctor` looks at, gathered once by a small probe layer (gather_facts) so that
// the decisions (checks.hpp) are pure functions of these plain values.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ucompose::doctor {

inline constexpr const char* kDropinPath = "/etc/containers/containers.conf.d/50-ucrun.conf";
inline constexpr const char* kDefaultInitPath = "/usr/libexec/podman/catatonit";
inline constexpr const char* kDefaultUcrunBin = "/usr/local/bin/ucrun";
inline constexpr const char* kDefaultUcrunConfig = "/etc/ucrun/ucrun.json";

// A program: where it is and what `--version` said (first line).
struct Tool {
    std::string path;      // "" = not found
    std::string version;   // "" = unknown
    std::string error;     // why it could not be run or asked, if it could not
};

struct Facts {
    // The tools podman drives.
    Tool podman, crun, conmon, netavark;
    std::string podman_info_error;   // `podman info` failed: why ("" = it worked)
    std::string oci_runtime;         // podman's default runtime (host.ociRuntime.name)
    std::string network_backend;     // host.networkBackend

    // containers.conf, merged (/usr/share, /etc, then /etc/containers/containers.conf.d/*.conf).
    std::vector<std::string> conf_files;                // the files read, in order
    std::optional<std::vector<std::string>> ucrun_runtime_paths;  // [engine.runtimes] ucrun
    std::map<std::string, bool> path_exists;            // executable check of every path above
    std::vector<std::string> runtime_supports_json;     // engine.runtime_supports_json (as merged)
    bool runtime_supports_json_set = false;             // false: podman's built-in list
    std::optional<std::vector<std::string>> default_ulimits;  // containers.default_ulimits
    std::string init_path = kDefaultInitPath;           // engine.init_path or podman's default
    bool init_path_set = false;
    bool init_present = false;                          // init_path exists and is executable
    std::string ucrun_bin = kDefaultUcrunBin;           // what --fix registers ($UCRUN_BIN)
    bool ucrun_bin_exists = false;

    // Debian packages (dpkg's "install ok installed"), for the few a fix may install.
    std::map<std::string, bool> packages;

    // cgroups.
    bool cgroup_unified_only = false;      // cgroup2 at /sys/fs/cgroup
    bool cgroup_hybrid = false;            // /sys/fs/cgroup/unified is a cgroup2 mount
    std::string unified_controllers;       // /sys/fs/cgroup/unified/cgroup.controllers
    bool hugetlb_v1_mounted = false;       // a v1 hierarchy with hugetlb

    // rlimits: hard limits of this process (-1 = unlimited) and the kernel caps.
    long hard_nofile = -1, hard_nproc = -1;
    long pid_max = 0, nr_open = 0;

    // KVM: whether /dev/kvm exists, and probe_kvm's verdict (nullopt = usable).
    bool kvm_exists = false;
    std::optional<std::string> kvm_problem;

    bool tun_present = false;   // /dev/net/tun is a character device

    // ucrun's config.
    std::string ucrun_config_path = kDefaultUcrunConfig;
    bool ucrun_config_exists = false;
    std::string ucrun_config_error;   // parse error ("" = none)
    std::string accel = "auto";
    std::string qemu = "/usr/bin/qemu-system-x86_64";
    std::string registry = "/var/lib/ucrun/registry";

    // QEMU (locate_vmm) and its firmware.
    std::string qemu_error;           // locate_vmm's message ("" = found)
    std::string qemu_version;
    std::string qboot;                // host path of qboot.rom ("" = none)
    std::string seabios;              // host path of SeaBIOS's bios-256k.bin or bios.bin ("" = none)

    // The guest kernel.
    std::string kernels_root;
    std::optional<std::string> kernel_name;   // current kernel's directory name
    std::string kernel_release;

    // The registry directory.
    bool registry_exists = false;
    bool registry_is_dir = false;
    bool registry_writable = false;   // a file could be created and removed in it
    std::string registry_error;

    // The remote registry of ucrun's config ("remote_registry"; "" = none).
    std::string remote_registry;
    std::string skopeo_path;                     // "" = not found (pulls need it)
    std::optional<std::string> remote_problem;   // why it does not answer (nullopt = it does)

    bool dev_log_socket = false;   // /dev/log is a socket

    // containerd.
    std::string containerd_path;               // "" = not installed
    std::string containerd_version;
    std::string containerd_dump_error;         // `containerd config dump` failed: why
    bool containerd_has_ucrun = false;         // a CRI runtime named ucrun
    std::string containerd_ucrun_binary;       // its options.BinaryName ("" = runc from PATH)
    bool containerd_ucrun_binary_exists = false;

    // Who runs doctor (fixes need root).
    bool root = false;
};

struct GatherOptions {
    std::string podman = "podman";
    std::string ucrun_bin = kDefaultUcrunBin;   // $UCRUN_BIN, like scripts/setup-host
};

// Probes the host. Never throws for a missing part: a missing part is a fact.
Facts gather_facts(const GatherOptions& opts);

}  // namespace ucompose::doctor
