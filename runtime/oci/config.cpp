#include "runtime/oci/config.hpp"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

extern char** environ;

// The install prefix's monitor, set by cli/CMakeLists.txt from CMAKE_INSTALL_PREFIX.
#ifndef UCRUN_DEFAULT_MONITOR
#define UCRUN_DEFAULT_MONITOR "/usr/local/lib/ucrun/ucrun-monitor"
#endif

namespace ucrun {

std::string monitor_beside(const std::string& exe) {
    auto slash = exe.rfind('/');
    if (slash == std::string::npos) return {};
    std::string dir = exe.substr(0, slash);
    if (dir.size() < 4 || dir.compare(dir.size() - 4, 4, "/bin") != 0) return {};
    return dir.substr(0, dir.size() - 4) + "/lib/ucrun/ucrun-monitor";
}

const std::string& default_monitor() {
    static const std::string monitor = [] {
        char buf[4096];
        ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n > 0) {
            std::string beside = monitor_beside(std::string(buf, static_cast<size_t>(n)));
            if (!beside.empty() && ::access(beside.c_str(), X_OK) == 0) return beside;
        }
        return std::string(UCRUN_DEFAULT_MONITOR);
    }();
    return monitor;
}

Config parse_config(const std::string& text, const std::string& origin) {
    Config c;
    c.monitor = default_monitor();
    c.source = origin;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw sys::Error(origin + ": invalid JSON: " + e.what());
    }
    if (!j.is_object()) throw sys::Error(origin + ": expected a JSON object");
    auto str = [&](const char* key, std::string& out) {
        if (!j.contains(key)) return;
        if (!j[key].is_string()) throw sys::Error(origin + ": \"" + key + "\" must be a string");
        out = j[key].get<std::string>();
    };
    str("delegate", c.delegate);
    str("registry", c.registry);
    str("remote_registry", c.remote_registry);
    str("skopeo", c.skopeo);
    if (j.contains("remote_tls_verify")) {
        if (!j["remote_tls_verify"].is_boolean()) throw sys::Error(origin + ": \"remote_tls_verify\" must be true or false");
        c.remote_tls_verify = j["remote_tls_verify"].get<bool>();
    }
    str("cache", c.cache);
    str("qemu", c.qemu);
    str("monitor", c.monitor);
    str("accel", c.accel);
    if (c.accel != "auto" && c.accel != "kvm" && c.accel != "tcg")
        throw sys::Error(origin + ": \"accel\" must be auto, kvm or tcg (got \"" + c.accel + "\")");
    if (j.contains("debug_fault_points")) {
        if (!j["debug_fault_points"].is_boolean())
            throw sys::Error(origin + ": \"debug_fault_points\" must be true or false");
        c.debug_fault_points = j["debug_fault_points"].get<bool>();
    }
    if (j.contains("stop_timeout")) {
        if (!j["stop_timeout"].is_number_integer() || j["stop_timeout"].get<int>() < 0)
            throw sys::Error(origin + ": \"stop_timeout\" must be a non-negative integer (seconds)");
        c.stop_timeout_s = j["stop_timeout"].get<int>();
    }
    return c;
}

void apply_env_overrides(Config& c, const EnvMap& env) {
    if (auto it = env.find("UCRUN_DELEGATE"); it != env.end() && !it->second.empty())
        c.delegate = it->second;
    if (auto it = env.find("UCRUN_REGISTRY"); it != env.end() && !it->second.empty())
        c.registry = it->second;
    if (auto it = env.find("UCRUN_REMOTE_REGISTRY"); it != env.end()) c.remote_registry = it->second;
    if (auto it = env.find("UCRUN_MONITOR"); it != env.end() && !it->second.empty())
        c.monitor = it->second;
    if (auto it = env.find("UCRUN_ACCEL"); it != env.end() && !it->second.empty())
        c.accel = it->second;
}

Config load_config(const EnvMap& env) {
    std::string path = "/etc/ucrun/ucrun.json";
    if (auto it = env.find("UCRUN_CONFIG"); it != env.end() && !it->second.empty()) path = it->second;
    Config c;
    if (auto text = sys::read_file_if_exists(path)) {
        c = parse_config(*text, path);
    } else {
        c.monitor = default_monitor();
        c.source = "defaults";
    }
    apply_env_overrides(c, env);
    return c;
}

EnvMap current_env() {
    EnvMap m;
    for (char** e = environ; e && *e; ++e) {
        std::string kv(*e);
        auto eq = kv.find('=');
        if (eq != std::string::npos) m.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    }
    return m;
}

}  // namespace ucrun
