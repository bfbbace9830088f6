#include "runtime/oci/spec.hpp"

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucrun {
namespace {

using nlohmann::json;

class Reader {
public:
    explicit Reader(std::string origin) : origin_(std::move(origin)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw sys::Error(origin_ + ": " + where + ": " + what);
    }
    const json* object(const json& parent, const char* key, const std::string& where) const {
        if (!parent.contains(key) || parent[key].is_null()) return nullptr;
        if (!parent[key].is_object()) fail(where + key, "must be an object");
        return &parent[key];
    }
    std::optional<std::string> string(const json& parent, const char* key, const std::string& where) const {
        if (!parent.contains(key) || parent[key].is_null()) return std::nullopt;
        if (!parent[key].is_string()) fail(where + key, "must be a string");
        return parent[key].get<std::string>();
    }
    std::optional<bool> boolean(const json& parent, const char* key, const std::string& where) const {
        if (!parent.contains(key) || parent[key].is_null()) return std::nullopt;
        if (!parent[key].is_boolean()) fail(where + key, "must be a boolean");
        return parent[key].get<bool>();
    }
    template <typename T>
    std::optional<T> number(const json& parent, const char* key, const std::string& where) const {
        if (!parent.contains(key) || parent[key].is_null()) return std::nullopt;
        if (!parent[key].is_number_integer()) fail(where + key, "must be an integer");
        return parent[key].get<T>();
    }
    std::vector<std::string> strings(const json& parent, const char* key, const std::string& where) const {
        std::vector<std::string> out;
        if (!parent.contains(key) || parent[key].is_null()) return out;
        if (!parent[key].is_array()) fail(where + key, "must be an array of strings");
        for (const auto& v : parent[key]) {
            if (!v.is_string()) fail(where + key, "must be an array of strings");
            out.push_back(v.get<std::string>());
        }
        return out;
    }

private:
    std::string origin_;
};

}  // namespace

std::optional<std::string> env_lookup(const std::vector<std::string>& env, const std::string& key) {
    for (const auto& kv : env) {
        if (kv.size() > key.size() && kv.compare(0, key.size(), key) == 0 && kv[key.size()] == '=')
            return kv.substr(key.size() + 1);
    }
    return std::nullopt;
}

std::optional<std::string> Spec::env_value(const std::string& key) const { return env_lookup(env, key); }

std::optional<std::string> Spec::namespace_path(const std::string& type) const {
    for (const auto& ns : namespaces)
        if (ns.type == type) return ns.path;
    return std::nullopt;
}

Spec parse_spec(const std::string& text, const std::string& origin) {
    Spec s;
    try {
        s.raw = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e999
        throw sys::Error(origin + ": invalid JSON: " + e.what());
    }
    Reader r(origin);
    if (!s.raw.is_object()) r.fail("document", "must be a JSON object");
    const json& j = s.raw;
    s.oci_version = r.string(j, "ociVersion", "").value_or("");
    if (s.oci_version.empty()) r.fail("ociVersion", "is required");
    const json* root = r.object(j, "root", "");
    if (!root) r.fail("root", "is required");
    s.root_path = r.string(*root, "path", "root.").value_or("");
    if (s.root_path.empty()) r.fail("root.path", "is required");
    s.root_readonly = r.boolean(*root, "readonly", "root.").value_or(false);
    if (const json* p = r.object(j, "process", "")) {
        s.terminal = r.boolean(*p, "terminal", "process.").value_or(false);
        s.args = r.strings(*p, "args", "process.");
        s.env = r.strings(*p, "env", "process.");
        s.cwd = r.string(*p, "cwd", "process.").value_or("/");
        if (s.cwd.empty() || s.cwd[0] != '/') r.fail("process.cwd", "must be an absolute path");
    }
    s.hostname = r.string(j, "hostname", "").value_or("");
    if (const json* a = r.object(j, "annotations", "")) {
        for (const auto& [k, v] : a->items()) {
            if (!v.is_string()) r.fail("annotations." + k, "must be a string");
            s.annotations[k] = v.get<std::string>();
        }
    }
    if (const json* l = r.object(j, "linux", "")) {
        if (l->contains("namespaces") && !(*l)["namespaces"].is_null()) {
            if (!(*l)["namespaces"].is_array()) r.fail("linux.namespaces", "must be an array");
            for (const auto& ns : (*l)["namespaces"]) {
                if (!ns.is_object()) r.fail("linux.namespaces", "entries must be objects");
                Namespace n;
                n.type = r.string(ns, "type", "linux.namespaces[].").value_or("");
                if (n.type.empty()) r.fail("linux.namespaces[].type", "is required");
                n.path = r.string(ns, "path", "linux.namespaces[].").value_or("");
                s.namespaces.push_back(n);
            }
        }
        if (const json* res = r.object(*l, "resources", "linux.")) {
            if (const json* m = r.object(*res, "memory", "linux.resources."))
                s.memory_limit = r.number<int64_t>(*m, "limit", "linux.resources.memory.");
            if (const json* c = r.object(*res, "cpu", "linux.resources.")) {
                s.cpu_quota = r.number<int64_t>(*c, "quota", "linux.resources.cpu.");
                s.cpu_period = r.number<uint64_t>(*c, "period", "linux.resources.cpu.");
            }
        }
    }
    return s;
}

Spec load_spec(const std::string& bundle) {
    std::string path = bundle + "/config.json";
    return parse_spec(sys::read_file(path), path);
}

std::string rootfs_path(const Spec& spec, const std::string& bundle) {
    if (!spec.root_path.empty() && spec.root_path[0] == '/') return spec.root_path;
    return bundle + "/" + spec.root_path;
}

}  // namespace ucrun
