#include "orchestrator/registry/manifest.hpp"

#include <nlohmann/json.hpp>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"

namespace ucompose::registry {

std::string to_string(Kind kind) {
    switch (kind) {
        case Kind::Linux: return "linux";
        case Kind::Multiboot: return "multiboot";
        case Kind::Disk: return "disk";
    }
    return "linux";
}

Kind parse_kind(const std::string& text) {
    if (text == "linux") return Kind::Linux;
    if (text == "multiboot") return Kind::Multiboot;
    if (text == "disk") return Kind::Disk;
    throw sys::Error("unknown unikernel kind \"" + text + "\" (use linux, multiboot or disk)");
}

void validate_entry_path(const std::string& p, const std::string& what) {
    if (p.empty() || p[0] == '/') throw sys::Error(what + ": path \"" + p + "\" must be relative to the entry");
    size_t pos = 0;
    while (pos <= p.size()) {
        size_t end = p.find('/', pos);
        if (end == std::string::npos) end = p.size();
        if (p.compare(pos, end - pos, "..") == 0 && end - pos == 2)
            throw sys::Error(what + ": path \"" + p + "\" escapes the entry");
        pos = end + 1;
    }
}

std::string to_json(const Manifest& m) {
    nlohmann::ordered_json j;
    j["name"] = m.name;
    j["kind"] = to_string(m.kind);
    j["kernel"] = m.kernel;
    j["initrd"] = m.initrd ? nlohmann::ordered_json(*m.initrd) : nlohmann::ordered_json(nullptr);
    j["disk"] = m.disk ? nlohmann::ordered_json(*m.disk) : nlohmann::ordered_json(nullptr);
    j["cmdline"] = m.cmdline;
    j["memory_mib"] = m.memory_mib;
    return j.dump(2) + "\n";
}

Manifest parse_manifest(const std::string& json_text, const std::string& what) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {
        throw sys::Error(what + ": " + e.what());
    }
    Manifest m;
    try {
        m.name = j.at("name").get<std::string>();
        m.kind = parse_kind(j.at("kind").get<std::string>());
        m.kernel = j.at("kernel").get<std::string>();
        if (j.contains("initrd") && !j["initrd"].is_null()) m.initrd = j["initrd"].get<std::string>();
        if (j.contains("disk") && !j["disk"].is_null()) m.disk = j["disk"].get<std::string>();
        m.cmdline = j.value("cmdline", "");
        m.memory_mib = j.value("memory_mib", 256);
    } catch (const nlohmann::json::exception& e) {
        throw sys::Error(what + ": " + e.what());
    }
    ucrun::registry::validate_name(m.name);
    if (!(m.kind == Kind::Disk && m.kernel.empty())) validate_entry_path(m.kernel, what);
    if (m.kind == Kind::Linux && !m.initrd) throw sys::Error(what + ": a linux unikernel needs an initrd");
    if (m.kind == Kind::Disk && !m.disk) throw sys::Error(what + ": a disk unikernel needs a disk");
    if (m.initrd) validate_entry_path(*m.initrd, what);
    if (m.disk) validate_entry_path(*m.disk, what);
    return m;
}

}  // namespace ucompose::registry
