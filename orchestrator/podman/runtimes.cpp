#include "orchestrator/podman/runtimes.hpp"

#include "orchestrator/model/name_rules.hpp"

namespace ucompose {
namespace {

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// `key`: the service key written (its place), `label`: what the message calls it.
void check_one(const Service& s, const std::string& key, const std::string& label, const std::string& value,
               const std::set<std::string>& registered) {
    if (is_runtime_name(value) && registered.count(value)) return;
    throw Error(s.position_of(key), "service \"" + s.name + "\": " + label + " \"" + value +
                                        "\" is not an OCI runtime registered with podman (registered: " +
                                        joined(registered) + "; add one under [engine.runtimes] in containers.conf)");
}

}  // namespace

const std::vector<std::string>& builtin_runtime_names() {
    static const std::vector<std::string> names = {"crun",  "crun-vm", "crun-wasm", "kata",  "krun",  "ocijail",
                                                   "runc",  "runj",    "runsc",     "youki", "ucrun"};
    return names;
}

std::set<std::string> registered_runtimes(const doctor::TomlTables& conf) {
    std::set<std::string> out(builtin_runtime_names().begin(), builtin_runtime_names().end());
    if (auto it = conf.find("engine.runtimes"); it != conf.end())
        for (const auto& [name, paths] : it->second)
            if (const std::string n = doctor::toml_string(name); is_runtime_name(n)) out.insert(n);
    return out;
}

void check_runtimes(const Project& project, const std::set<std::string>& registered) {
    for (const auto& [name, s] : project.services) {
        if (s.runtime) check_one(s, "runtime", "runtime", *s.runtime, registered);
        if (s.ucompose && s.ucompose->runtime)
            check_one(s, "x-ucompose", "x-ucompose.runtime", *s.ucompose->runtime, registered);
    }
}

}  // namespace ucompose
