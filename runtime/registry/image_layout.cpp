#include "runtime/registry/image_layout.hpp"

#include <nlohmann/json.hpp>

#include "runtime/sys/error.hpp"

namespace ucrun::registry {
namespace {

using nlohmann::json;

constexpr std::string_view kEntryDir = "unikernel";

json parse_object(const std::string& text, const std::string& origin) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number past 64 bits
        throw sys::Error(origin + ": invalid JSON: " + e.what());
    }
    if (!j.is_object()) throw sys::Error(origin + ": expected a JSON object");
    return j;
}

bool valid_digest(const std::string& d) {
    if (d.size() != 7 + 64 || d.compare(0, 7, "sha256:") != 0) return false;
    for (std::size_t i = 7; i < d.size(); ++i) {
        char c = d[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

Blob blob(const json& j, const std::string& what, const std::string& origin) {
    if (!j.is_object() || !j.contains("digest") || !j["digest"].is_string())
        throw sys::Error(origin + ": " + what + " has no digest");
    Blob b;
    b.digest = j["digest"].get<std::string>();
    if (!valid_digest(b.digest)) throw sys::Error(origin + ": " + what + " digest \"" + b.digest + "\" is not sha256:<64 hex>");
    if (j.contains("mediaType") && j["mediaType"].is_string()) b.media_type = j["mediaType"].get<std::string>();
    if (j.contains("size")) {
        if (!j["size"].is_number_unsigned()) throw sys::Error(origin + ": " + what + " size is not a non-negative integer");
        b.size = j["size"].get<std::uint64_t>();
    }
    return b;
}

bool has_dotdot(const std::string& p) {
    std::size_t start = 0;
    while (start <= p.size()) {
        auto slash = p.find('/', start);
        std::string part = p.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") return true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

}  // namespace

ImageManifest parse_image_manifest(const std::string& text, const std::string& origin) {
    json j = parse_object(text, origin);
    std::string media = j.contains("mediaType") && j["mediaType"].is_string() ? j["mediaType"].get<std::string>() : "";
    if (j.contains("manifests"))
        throw sys::Error(origin + ": an image index (" + (media.empty() ? "manifest list" : media) +
                         "), not an image manifest");
    if (!j.contains("schemaVersion") || j["schemaVersion"] != 2)
        throw sys::Error(origin + ": not an OCI or Docker schema 2 image manifest");
    ImageManifest m;
    m.config = blob(j.contains("config") ? j["config"] : json(), "config", origin);
    if (!j.contains("layers") || !j["layers"].is_array()) throw sys::Error(origin + ": no layers");
    std::size_t i = 0;
    for (const auto& l : j["layers"]) m.layers.push_back(blob(l, "layer " + std::to_string(i++), origin));
    return m;
}

bool is_image_index(const std::string& text) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception&) {
        return false;  // not JSON: parse_image_manifest names the problem
    }
    return j.is_object() && j.contains("manifests") && j["manifests"].is_array();
}

std::vector<IndexEntry> parse_image_index(const std::string& text, const std::string& origin) {
    json j = parse_object(text, origin);
    if (!j.contains("manifests") || !j["manifests"].is_array()) throw sys::Error(origin + ": not an image index");
    std::vector<IndexEntry> out;
    std::size_t i = 0;
    for (const auto& e : j["manifests"]) {
        IndexEntry entry;
        entry.manifest = blob(e, "manifest " + std::to_string(i++), origin);
        if (e.contains("platform") && e["platform"].is_object()) {
            const json& p = e["platform"];
            auto text_of = [&](const char* k) { return p.contains(k) && p[k].is_string() ? p[k].get<std::string>() : ""; };
            entry.os = text_of("os");
            entry.architecture = text_of("architecture");
            entry.variant = text_of("variant");
        }
        out.push_back(std::move(entry));
    }
    return out;
}

std::map<std::string, std::string> image_labels(const std::string& config_text, const std::string& origin) {
    json j = parse_object(config_text, origin);
    std::map<std::string, std::string> labels;
    if (!j.contains("config") || !j["config"].is_object()) return labels;
    const json& c = j["config"];
    if (!c.contains("Labels") || !c["Labels"].is_object()) return labels;
    for (const auto& [k, v] : c["Labels"].items())
        if (v.is_string()) labels[k] = v.get<std::string>();
    return labels;
}

bool is_unikernel_image(const std::map<std::string, std::string>& labels) {
    return labels.count("io.ucrun.unikernel.name") || labels.count("io.ucrun.unikernel.kind");
}

std::string blob_path(const std::string& dir, const std::string& digest) { return dir + "/" + digest.substr(7); }

Compression layer_compression(std::string_view c) {
    if (c.size() >= 2 && static_cast<unsigned char>(c[0]) == 0x1f && static_cast<unsigned char>(c[1]) == 0x8b)
        return Compression::gzip;
    if (c.size() >= 4 && c.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) return Compression::zstd;
    if (c.empty() || (c.size() >= 262 && c.substr(257, 5) == "ustar") || c.size() % 512 == 0) return Compression::none;
    return Compression::unknown;
}

std::vector<EntryFile> entry_files(const std::vector<TarMember>& members, const std::string& origin) {
    std::vector<EntryFile> out;
    for (const auto& m : members) {
        std::string p = m.path;
        while (!p.empty() && p.front() == '/') p.erase(0, 1);
        if (p.compare(0, kEntryDir.size(), kEntryDir) != 0) continue;
        if (p.size() == kEntryDir.size()) continue;  // the directory itself
        if (p[kEntryDir.size()] != '/') continue;     // "unikernelx/..."
        std::string rel = p.substr(kEntryDir.size() + 1);
        if (rel.empty()) continue;
        if (has_dotdot(rel)) throw sys::Error(origin + ": member \"" + m.path + "\" has a \"..\" component");
        switch (m.type) {
            case TarMember::Type::directory: continue;
            case TarMember::Type::file: out.push_back({rel, m.data, m.mode ? m.mode : 0644}); break;
            default:
                throw sys::Error(origin + ": member \"" + m.path +
                                 "\" is not a regular file (a unikernel entry holds plain files only)");
        }
    }
    return out;
}

}  // namespace ucrun::registry
