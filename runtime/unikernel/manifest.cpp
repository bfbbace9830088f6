#include "runtime/unikernel/manifest.hpp"

#include <nlohmann/json.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/annotations.hpp"

namespace ucrun::unikernel {

SourceRef parse_manifest(const std::string& text, const std::string& expected_name,
                         const std::string& entry_dir, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw sys::Error(origin + ": invalid JSON: " + e.what());
    }
    if (!j.is_object()) throw sys::Error(origin + ": expected a JSON object");
    auto str = [&](const char* key, bool required) -> std::string {
        if (!j.contains(key) || j[key].is_null()) {
            if (required) throw sys::Error(origin + ": \"" + key + "\" is required");
            return {};
        }
        if (!j[key].is_string()) throw sys::Error(origin + ": \"" + key + "\" must be a string");
        return j[key].get<std::string>();
    };
    SourceRef s;
    s.base = entry_dir;
    s.origin = origin;
    std::string name = str("name", true);
    if (name != expected_name)
        throw sys::Error(origin + ": \"name\" is \"" + name + "\", expected \"" + expected_name + "\"");
    std::string kind = str("kind", true);
    auto k = parse_kind(kind);
    if (!k) throw sys::Error(origin + ": \"kind\" is \"" + kind + "\" (use linux, multiboot or disk)");
    s.kind = *k;
    s.kernel = str("kernel", false);
    s.initrd = str("initrd", false);
    s.disk = str("disk", false);
    s.cmdline = str("cmdline", false);
    for (const std::string* p : {&s.kernel, &s.initrd, &s.disk})
        if (!p->empty() && (*p)[0] == '/')
            throw sys::Error(origin + ": \"" + *p + "\": paths are relative to the entry's directory");
    if (j.contains("memory_mib") && !j["memory_mib"].is_null()) {
        if (!j["memory_mib"].is_number_integer() || j["memory_mib"].get<int64_t>() <= 0)
            throw sys::Error(origin + ": \"memory_mib\" must be a positive integer");
        s.memory_mib = j["memory_mib"].get<int64_t>();
    }
    check_source_fields(s);
    return s;
}

}  // namespace ucrun::unikernel
