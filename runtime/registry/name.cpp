#include "runtime/registry/name.hpp"

#include "runtime/sys/error.hpp"

namespace ucrun::registry {

std::optional<std::string> name_problem(const std::string& name) {
    if (name.empty()) return "it is empty";
    if (name.size() > 128) return "it is longer than 128 characters";
    auto first = name[0];
    if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9')))
        return "it must start with [a-z0-9]";
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return std::string("character '") + c + "' is not allowed (use [a-z0-9._-])";
    }
    return std::nullopt;
}

void validate_name(const std::string& name) {
    if (auto why = name_problem(name))
        throw sys::Error("invalid unikernel name \"" + name + "\": " + *why);
}

}  // namespace ucrun::registry
