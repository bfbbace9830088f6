#include "runtime/registry/manifest.hpp"

#include <nlohmann/json.hpp>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"

namespace ucrun::registry {

Kind parse_kind(const std::string& text) {
    if (auto k = kind_from_name(text)) return *k;
    throw sys::Error("unknown unikernel kind \"" + text + "\" (use linux, multiboot or disk)");
}

void validate_entry_path(const std::string& p, const std::string& what) {
    if (p.empty()) throw sys::Error(what + ": a path is empty");
    if (p[0] == '/')
        throw sys::Error(what + ": path \"" + p + "\" must be relative (paths are relative to the entry's directory)");
    size_t pos = 0;
    while (pos <= p.size()) {
        size_t end = p.find('/', pos);
        if (end == std::string::npos) end = p.size();
        if (end - pos == 2 && p.compare(pos, 2, "..") == 0)
            throw sys::Error(what + ": path \"" + p + "\" escapes the entry (\"..\" is not allowed)");
        pos = end + 1;
    }
}

std::string to_json(const Manifest& m) {
    using ojson = nlohmann::ordered_json;
    ojson j;
    j["name"] = m.name;
    j["kind"] = to_string(m.kind);
    j["kernel"] = m.kernel;
    j["initrd"] = m.initrd ? ojson(*m.initrd) : ojson(nullptr);
    j["disk"] = m.disk ? ojson(*m.disk) : ojson(nullptr);
    j["cmdline"] = m.cmdline;
    j["memory_mib"] = m.memory_mib ? ojson(*m.memory_mib) : ojson(nullptr);
    return j.dump(2) + "\n";
}

Manifest parse_manifest(const std::string& json_text, const std::string& what) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
        throw sys::Error(what + ": invalid JSON: " + e.what());
    }
    if (!j.is_object()) throw sys::Error(what + ": expected a JSON object");
    auto str = [&](const char* key, bool required) -> std::optional<std::string> {
        if (!j.contains(key) || j[key].is_null()) {
            if (required) throw sys::Error(what + ": \"" + key + "\" is required");
            return std::nullopt;
        }
        if (!j[key].is_string()) throw sys::Error(what + ": \"" + key + "\" must be a string");
        return j[key].get<std::string>();
    };
    Manifest m;
    m.name = *str("name", true);
    if (auto why = name_problem(m.name))
        throw sys::Error(what + ": invalid unikernel name \"" + m.name + "\": " + *why);
    std::string kind = *str("kind", true);
    auto k = kind_from_name(kind);
    if (!k) throw sys::Error(what + ": \"kind\" is \"" + kind + "\" (use linux, multiboot or disk)");
    m.kind = *k;
    m.kernel = str("kernel", false).value_or("");
    m.initrd = str("initrd", false);
    m.disk = str("disk", false);
    m.cmdline = str("cmdline", false).value_or("");
    if (j.contains("memory_mib") && !j["memory_mib"].is_null()) {
        const auto& v = j["memory_mib"];
        const bool positive = v.is_number_unsigned()   ? v.get<uint64_t>() > 0 && v.get<uint64_t>() <= INT64_MAX
                              : v.is_number_integer() ? v.get<int64_t>() > 0
                                                      : false;
        if (!positive)
            throw sys::Error(what + ": \"memory_mib\" must be a positive integer");
        m.memory_mib = v.get<int64_t>();
    }

    // The files each kind needs (an empty string counts as absent).
    const std::string kind_name = to_string(m.kind);
    auto need = [&](bool present, const char* field) {
        if (!present) throw sys::Error(what + ": kind " + kind_name + " needs " + field);
    };
    auto refuse = [&](const std::optional<std::string>& v, const char* field) {
        if (v && !v->empty())
            throw sys::Error(what + ": kind " + kind_name + " takes no " + field + " (got \"" + *v + "\")");
    };
    const bool has_initrd = m.initrd && !m.initrd->empty();
    const bool has_disk = m.disk && !m.disk->empty();
    switch (m.kind) {
        case Kind::linux_:
            need(!m.kernel.empty(), "a kernel file");
            need(has_initrd, "an initrd file");
            refuse(m.disk, "disk");
            break;
        case Kind::multiboot:
            need(!m.kernel.empty(), "a kernel file");
            refuse(m.disk, "disk");
            break;
        case Kind::disk:  // a kernel is optional (docs/registry.md)
            need(has_disk, "a disk image");
            refuse(m.initrd, "initrd");
            break;
    }
    if (!m.kernel.empty()) validate_entry_path(m.kernel, what);
    if (m.initrd) validate_entry_path(*m.initrd, what);
    if (m.disk) validate_entry_path(*m.disk, what);
    return m;
}

}  // namespace ucrun::registry
