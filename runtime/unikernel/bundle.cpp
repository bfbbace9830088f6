#include "runtime/unikernel/bundle.hpp"

#include <vector>

namespace ucrun::unikernel {

using nlohmann::json;

namespace {

bool at_or_under(const std::string& path, const std::string& dir) {
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

// "/a//b/./c/../d/" -> "/a/b/d", ".." never above "/": OCI destinations are absolute, but need not
// be clean, and a ".." must not lead a moved mount back out of kMountsDir.
std::string clean_absolute(const std::string& p) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= p.size()) {
        size_t slash = p.find('/', pos);
        std::string part = p.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        pos = slash + 1;
    }
    std::string out;
    for (const auto& part : parts) out += "/" + part;
    return out.empty() ? "/" : out;
}

}  // namespace

std::string relocated_destination(const std::string& destination) {
    std::string d = clean_absolute(destination);
    for (const char* keep : {"/proc", "/dev", "/sys"})
        if (at_or_under(d, keep)) return d;
    return d == "/" ? std::string(kMountsDir) : std::string(kMountsDir) + d;
}

json derive_config(const json& original, const BundlePlan& plan) {
    json c = original;
    json& process = c["process"];
    if (!process.is_object()) process = json::object();
    process["args"] = plan.args;
    process["env"] = plan.env;
    process["cwd"] = "/";
    // QEMU needs no capability: the tap is owned by the container's user, /dev/kvm is 0666.
    json none = json::array();
    process["capabilities"] = {{"bounding", none}, {"effective", none}, {"inheritable", none},
                               {"permitted", none}, {"ambient", none}};
    process["noNewPrivileges"] = true;
    c["root"] = {{"path", plan.rootfs}, {"readonly", true}};

    json moved = json::array();
    json mounts = json::array();
    if (original.contains("mounts") && original["mounts"].is_array()) {
        for (json m : original["mounts"]) {
            if (!m.is_object() || !m.contains("destination") || !m["destination"].is_string()) {
                mounts.push_back(m);  // the delegate refuses it, as it would have
                continue;
            }
            std::string to = relocated_destination(m["destination"].get<std::string>());
            bool kept = to.rfind(kMountsDir, 0) != 0;
            m["destination"] = to;
            (kept ? mounts : moved).push_back(m);
        }
    }
    mounts.push_back({{"destination", kPrivateDir},
                      {"type", "tmpfs"},
                      {"source", "tmpfs"},
                      {"options", {"nosuid", "nodev", "mode=755", "size=1m"}}});
    for (const auto& b : plan.binds) {
        json options = json::array({b.recursive ? "rbind" : "bind", b.read_only ? "ro" : "rw", "nosuid", "nodev"});
        if (!b.exec) options.push_back("noexec");
        mounts.push_back({{"destination", b.destination}, {"type", "bind"}, {"source", b.source}, {"options", options}});
    }
    for (const auto& t : plan.tmpfs)
        mounts.push_back({{"destination", t.destination},
                          {"type", "tmpfs"},
                          {"source", "tmpfs"},
                          {"options", {"nosuid", "nodev", "noexec", "mode=" + t.mode, "size=" + std::to_string(t.size_bytes)}}});
    for (auto& m : moved) mounts.push_back(std::move(m));
    c["mounts"] = std::move(mounts);

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
