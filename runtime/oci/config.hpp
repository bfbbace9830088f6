// ucrun's own configuration: /etc/ucrun/ucrun.json (or $UCRUN_CONFIG), with env overrides.
// This is the only file ucrun reads on the pass-through path.
#pragma once
#include <map>
#include <string>

namespace ucrun {

// "<prefix>/lib/ucrun/ucrun-monitor" for an executable "<prefix>/bin/NAME", else "".
std::string monitor_beside(const std::string& exe);

// The monitor installed with the running binary: monitor_beside(/proc/self/exe) when that file
// exists (so /usr/bin/ucrun of the .deb and /usr/local/bin/ucrun of scripts/build-install each
// find their own), else the configured install prefix's (CMAKE_INSTALL_PREFIX, /usr/local by
// default). Computed once per process; the starting value of "monitor" in parse_config and
// load_config (docs/packaging.md).
const std::string& default_monitor();

struct Config {
    std::string delegate = "crun";                         // crun (default) or runc, name or path
    std::string registry = "/var/lib/ucrun/registry";      // unikernel registry root
    // An OCI registry to pull SERVICE_NAME from when the local registry lacks it:
    // "HOST[:PORT]/PREFIX" (docs/registry.md); "" = none.
    std::string remote_registry;
    bool remote_tls_verify = true;   // false: plain HTTP or an unverified certificate
    std::string skopeo = "skopeo";   // the pull's transport (name or path)
    std::string cache = "/var/lib/ucrun/cache";            // unpacked compressed kernels, shared by VMs
    std::string qemu = "/usr/bin/qemu-system-x86_64";      // host VMM
    // The VM's pid 1 (runtime/monitor). parse_config and load_config start from default_monitor().
    std::string monitor = "/usr/local/lib/ucrun/ucrun-monitor";
    std::string accel = "auto";   // auto (KVM when /dev/kvm works, else TCG) | kvm | tcg
    int stop_timeout_s = 10;
    // The fault tests' stop points (fault.hpp). Only this file (root's) can turn them on: no
    // annotation, image or pod spec can (docs/security.md).
    bool debug_fault_points = false;   // SIGTERM -> powerdown -> SIGKILL deadline inside the monitor
    std::string source;        // where the config came from, for messages
};

using EnvMap = std::map<std::string, std::string>;

// Parses the JSON text of a config file; `origin` names it in errors.
Config parse_config(const std::string& text, const std::string& origin);

// Applies UCRUN_DELEGATE, UCRUN_REGISTRY, UCRUN_REMOTE_REGISTRY, UCRUN_MONITOR and UCRUN_ACCEL
// overrides.
void apply_env_overrides(Config& c, const EnvMap& env);

// Loads the config from $UCRUN_CONFIG or /etc/ucrun/ucrun.json (absent = defaults), then env.
Config load_config(const EnvMap& env);

// The process environment as a map (read once at the top).
EnvMap current_env();

}  // namespace ucrun
