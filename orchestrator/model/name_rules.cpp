#include "orchestrator/model/name_rules.hpp"

namespace ucompose {
namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool all_name_chars(const std::string& s) {
    for (char c : s)
        if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

}  // namespace

bool is_compose_key_name(const std::string& name) { return !name.empty() && all_name_chars(name); }

bool is_container_name(const std::string& name) {
    return name.size() >= 2 && alnum(name[0]) && all_name_chars(name);
}

bool is_runtime_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || !alnum(name[0])) return false;
    for (char c : name)
        if (!alnum(c) && c != '.' && c != '_' && c != '-' && c != '+') return false;
    return true;
}

}  // namespace ucompose
