// The parts of an OCI runtime spec (config.json) that ucrun reads, typed once at the edge.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ucrun {

struct Namespace {
    std::string type;   // network, pid, mount, ...
    std::string path;   // "" when the runtime creates it
};

struct Spec {
    std::string oci_version;
    std::string root_path;     // as written (relative to the bundle, or absolute)
    bool root_readonly = false;
    bool terminal = false;
    std::vector<std::string> args;
    std::vector<std::string> env;   // "K=V"
    std::string cwd = "/";
    std::string hostname;
    std::map<std::string, std::string> annotations;
    std::vector<Namespace> namespaces;
    std::optional<int64_t> memory_limit;   // bytes
    std::optional<int64_t> cpu_quota;      // us per period
    std::optional<uint64_t> cpu_period;    // us
    nlohmann::json raw;        // the whole document, for writing a derived bundle

    // Value of K in process.env, if present.
    std::optional<std::string> env_value(const std::string& key) const;
    // The path of the namespace of `type`, "" if created fresh, nullopt if not unshared.
    std::optional<std::string> namespace_path(const std::string& type) const;
};

// The value of `key` in a "K=V" list (process.env), if present.
std::optional<std::string> env_lookup(const std::vector<std::string>& env, const std::string& key);

// Parses and validates config.json text; `origin` (its path) prefixes every error.
Spec parse_spec(const std::string& text, const std::string& origin);

// Reads <bundle>/config.json.
Spec load_spec(const std::string& bundle);

// The rootfs as an absolute path.
std::string rootfs_path(const Spec& spec, const std::string& bundle);

}  // namespace ucrun
