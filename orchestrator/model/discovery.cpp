#include "orchestrator/model/discovery.hpp"

#include <filesystem>

#include "orchestrator/model/error.hpp"

namespace fs = std::filesystem;

namespace ucompose {

std::vector<std::string> find_default_compose_files(const std::string& dir) {
    static const char* const kNames[] = {"compose.yaml", "compose.yml", "docker-compose.yaml",
                                         "docker-compose.yml"};
    fs::path d = fs::path(dir).lexically_normal();
    while (true) {
        for (const char* name : kNames) {
            fs::path candidate = d / name;
            std::error_code ec;
            if (!fs::is_regular_file(candidate, ec)) continue;
            std::vector<std::string> out{candidate.string()};
            std::string stem = fs::path(name).stem().string();
            std::string ext = fs::path(name).extension().string();
            fs::path over = d / (stem + ".override" + ext);
            if (fs::is_regular_file(over, ec)) out.push_back(over.string());
            return out;
        }
        if (!d.has_parent_path() || d.parent_path() == d) break;
        d = d.parent_path();
    }
    throw Error("no configuration file provided: not found (looked for compose.yaml, "
                "compose.yml, docker-compose.yaml, docker-compose.yml in " + dir +
                " and its parents)");
}

std::vector<std::string> split_compose_file_var(const std::string& value,
                                                const std::string& separator) {
    std::vector<std::string> out;
    std::string sep = separator.empty() ? ":" : separator;
    size_t start = 0;
    while (start <= value.size()) {
        size_t at = value.find(sep, start);
        std::string part = value.substr(start, at == std::string::npos ? std::string::npos : at - start);
        if (!part.empty()) out.push_back(part);
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    return out;
}

std::string normalize_project_name(const std::string& raw) {
    std::string out;
    for (char c : raw) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) continue;
        if (out.empty() && (c == '_' || c == '-')) continue;
        out += c;
    }
    return out;
}

std::string absolute_path(const std::string& path, const std::string& base) {
    fs::path p(path);
    if (p.is_relative()) p = fs::path(base) / p;
    std::string s = p.lexically_normal().string();
    if (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

std::string parent_dir(const std::string& path) {
    std::string s = fs::path(path).parent_path().string();
    return s.empty() ? "." : s;
}

std::string base_name(const std::string& path) {
    fs::path p = fs::path(path).lexically_normal();
    std::string s = p.filename().string();
    if (s.empty()) s = p.parent_path().filename().string();
    return s;
}

}  // namespace ucompose
