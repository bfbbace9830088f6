#include "orchestrator/kernel/fragment.hpp"

#include <map>
#include <utility>

#include "runtime/sys/error.hpp"
#include "runtime/sys/fnv.hpp"

namespace ucompose::kernel {
namespace {

bool valid_symbol(std::string_view s) {
    if (s.size() <= 7 || s.substr(0, 7) != "CONFIG_") return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "# CONFIG_X is not set" -> "CONFIG_X", else "".
std::string_view unset_symbol(std::string_view line) {
    constexpr std::string_view suffix = " is not set";
    if (line.size() < 2 || line.substr(0, 2) != "# ") return {};
    if (line.size() < suffix.size() || line.substr(line.size() - suffix.size()) != suffix) return {};
    std::string_view sym = line.substr(2, line.size() - 2 - suffix.size());
    return valid_symbol(sym) ? sym : std::string_view{};
}

// The lines of a .config or fragment, without surrounding blanks.
std::vector<std::string_view> trimmed_lines(std::string_view text) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        out.push_back(trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos)));
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    return out;
}

// A setting line, "CONFIG_X=value" or "# CONFIG_X is not set" (value nullopt); nullopt for any
// other line (a comment, a blank, or something malformed).
std::optional<std::pair<std::string, std::optional<std::string>>> setting_of(std::string_view line) {
    if (auto sym = unset_symbol(line); !sym.empty()) return std::make_pair(std::string(sym), std::nullopt);
    auto eq = line.find('=');
    if (eq == std::string_view::npos || !valid_symbol(line.substr(0, eq))) return std::nullopt;
    return std::make_pair(std::string(line.substr(0, eq)), std::optional<std::string>(line.substr(eq + 1)));
}

// Every setting of a .config, by name ("is not set" as nullopt).
std::map<std::string, std::optional<std::string>> read_dot_config(std::string_view text) {
    std::map<std::string, std::optional<std::string>> out;
    for (std::string_view line : trimmed_lines(text))
        if (auto setting = setting_of(line)) out[setting->first] = setting->second;
    return out;
}

}  // namespace

std::vector<ConfigSetting> parse_fragment(std::string_view text, const std::string& origin) {
    std::vector<ConfigSetting> out;
    std::map<std::string, int> seen;
    int number = 0;
    for (std::string_view line : trimmed_lines(text)) {
        ++number;
        auto where = [&] { return origin + ":" + std::to_string(number) + ": "; };
        ConfigSetting s;
        s.line = number;
        if (auto setting = setting_of(line)) {
            s.name = setting->first;
            s.value = setting->second;
            if (s.value && s.value->empty())
                throw sys::Error(where() + s.name + " has no value (write \"# " + s.name + " is not set\")");
        } else if (line.empty() || line.front() == '#') {
            continue;
        } else {
            throw sys::Error(where() + "expected CONFIG_NAME=value or \"# CONFIG_NAME is not set\", got \"" +
                             std::string(line) + "\"");
        }
        if (auto [it, fresh] = seen.emplace(s.name, number); !fresh)
            throw sys::Error(where() + s.name + " is already set on line " + std::to_string(it->second));
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<std::string> unhonoured(const std::vector<ConfigSetting>& fragment, std::string_view dot_config) {
    auto actual = read_dot_config(dot_config);
    std::vector<std::string> out;
    for (const auto& s : fragment) {
        auto it = actual.find(s.name);
        // A symbol absent from .config is off (its dependencies are off).
        std::optional<std::string> have = it == actual.end() ? std::nullopt : it->second;
        if (have == s.value) continue;
        std::string want = s.value ? s.name + "=" + *s.value : s.name + " off";
        std::string got = have ? "it is " + *have : (it == actual.end() ? "it is absent (a dependency is off)" : "it is not set");
        out.push_back("line " + std::to_string(s.line) + ": " + want + ", but in the final .config " + got);
    }
    return out;
}

std::string inputs_hash(const BuildInputs& in) {
    // Over length-prefixed fields: a cache key, not a security digest.
    sys::Fnv1a64 h;
    for (const std::string* field : {&in.source_version, &in.source_identity, &in.fragment, &in.compiler})
        h.update(std::to_string(field->size()) + ":").update(*field);
    return h.hex().substr(0, 12);
}

std::string entry_name(const std::string& source_version, const std::string& hash) {
    std::string v = source_version.empty() ? "unknown" : source_version;
    for (char& c : v)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            c = '_';
    return v + "-" + hash;
}

}  // namespace ucompose::kernel
