#include "runtime/unikernel/bundle.hpp"

namespace ucrun::unikernel {

using nlohmann::json;

json derive_config(const json& original, const BundlePlan& plan) {
    json c = original;
    json& process = c["process"];
    if (!process.is_object()) process = json::object();
    process["args"] = plan.args;
    process["env"] = plan.env;
    process["cwd"] = "/";
    c["root"]["path"] = plan.rootfs;

    json& mounts = c["mounts"];
    if (!mounts.is_array()) mounts = json::array();
    mounts.push_back({{"destination", kPrivateDir},
                      {"type", "tmpfs"},
                      {"source", "tmpfs"},
                      {"options", {"nosuid", "nodev", "mode=755", "size=1m"}}});
    for (const auto& b : plan.binds) {
        json options = json::array({b.recursive ? "rbind" : "bind", b.read_only ? "ro" : "rw", "nosuid", "nodev"});
        if (!b.exec) options.push_back("noexec");
        mounts.push_back({{"destination", b.destination}, {"type", "bind"}, {"source", b.source}, {"options", options}});
    }

    json& linux_ = c["linux"];
    if (!linux_.is_object()) linux_ = json::object();
    json& devices = linux_["devices"];
    if (!devices.is_array()) devices = json::array();
    json& resources = linux_["resources"];
    if (!resources.is_object()) resources = json::object();
    json& rules = resources["devices"];
    if (!rules.is_array()) rules = json::array();
    for (const auto& d : plan.devices) {
        bool listed = false;
        for (const auto& existing : devices)
            if (existing.is_object() && existing.value("path", "") == d.path) listed = true;
        if (!listed)
            devices.push_back({{"path", d.path}, {"type", "c"}, {"major", d.major}, {"minor", d.minor},
                               {"fileMode", 0666}, {"uid", 0}, {"gid", 0}});
        rules.push_back({{"allow", true}, {"type", "c"}, {"major", d.major}, {"minor", d.minor}, {"access", "rwm"}});
    }
    return c;
}

}  // namespace ucrun::unikernel
