#include "orchestrator/compat/verb_spec.hpp"

#include <cctype>

#include "orchestrator/model/error.hpp"

namespace ucompose::compat {

std::optional<std::string> ParsedArgs::last(const std::string& key) const {
    auto it = flags.find(key);
    if (it == flags.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& key) const {
    auto it = flags.find(key);
    return it == flags.end() ? std::vector<std::string>{} : it->second;
}

std::optional<int> ParsedArgs::integer(const std::string& key) const {
    auto v = last(key);
    if (!v) return std::nullopt;
    size_t used = 0;
    int n = 0;
    try {
        n = std::stoi(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != v->size()) throw Error(key + ": \"" + *v + "\" is not a number");
    return n;
}

std::vector<std::string> ParsedArgs::words(const std::string& positional) const {
    auto it = positionals.find(positional);
    return it == positionals.end() ? std::vector<std::string>{} : it->second;
}

std::string key_of(const FlagSpec& flag) {
    std::string first_short;
    size_t start = 0;
    while (start <= flag.names.size()) {
        size_t comma = flag.names.find(',', start);
        std::string name = flag.names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (name.rfind("--", 0) == 0) return name;
        if (first_short.empty()) first_short = name;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return first_short;
}

namespace {
std::string with_no_effect(const std::string& help, const std::string& reason) {
    if (reason.empty()) return help;
    return help + " (accepted for compatibility; no effect: " + reason + ")";
}
std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

std::string help_text(const FlagSpec& flag) { return with_no_effect(flag.help, flag.no_effect); }
std::string help_text(const PositionalSpec& positional) { return with_no_effect(positional.help, positional.no_effect); }

std::string no_effect_warning(const FlagSpec& flag) {
    return "podman-compose flag " + key_of(flag) + " has no effect here: " + flag.no_effect;
}

std::string no_effect_warning(const std::string& verb, const PositionalSpec& positional) {
    return "podman-compose argument " + upper(positional.name) + " of " + verb + " has no effect here: " +
           positional.no_effect;
}

std::vector<std::string> no_effect_warnings(const std::string& verb, const std::vector<FlagSpec>& flags,
                                            const std::vector<PositionalSpec>& positionals, const ParsedArgs& args) {
    std::vector<std::string> out;
    for (const auto& f : flags)
        if (!f.no_effect.empty() && args.given(key_of(f))) out.push_back(no_effect_warning(f));
    for (const auto& p : positionals)
        if (!p.no_effect.empty() && !args.words(p.name).empty()) out.push_back(no_effect_warning(verb, p));
    return out;
}

}  // namespace ucompose::compat
