// ucrun's own configuration: /etc/ucrun/ucrun.json (or $UCRUN_CONFIG), with env overrides.
// This is the only file ucrun reads on the pass-through path.
#pragma once
#include <map>
#include <string>

namespace ucrun {

struct Config {
    std::string delegate = "crun";                         // crun (default) or runc, name or path
    std::string registry = "/var/lib/ucrun/registry";      // unikernel registry root
    std::string cache = "/var/lib/ucrun/cache";            // unpacked compressed kernels, shared by VMs
    std::string qemu = "/usr/bin/qemu-system-x86_64";      // host VMM
    std::string monitor = "/usr/local/lib/ucrun/ucrun-monitor";  // the VM's pid 1 (runtime/monitor)
    std::string accel = "auto";   // auto (KVM when /dev/kvm works, else TCG) | kvm | tcg
    int stop_timeout_s = 10;   // SIGTERM -> powerdown -> SIGKILL deadline inside the monitor
    std::string source;        // where the config came from, for messages
};

using EnvMap = std::map<std::string, std::string>;

// Parses the JSON text of a config file; `origin` names it in errors.
Config parse_config(const std::string& text, const std::string& origin);

// Applies UCRUN_DELEGATE, UCRUN_REGISTRY, UCRUN_MONITOR and UCRUN_ACCEL overrides.
void apply_env_overrides(Config& c, const EnvMap& env);

// Loads the config from $UCRUN_CONFIG or /etc/ucrun/ucrun.json (absent = defaults), then env.
Config load_config(const EnvMap& env);

// The process environment as a map (read once at the top).
EnvMap current_env();

}  // namespace ucrun
