#include "orchestrator/compat/command_word.hpp"

namespace ucompose {

std::optional<std::string> command_word(const std::vector<std::string>& args, const std::set<std::string>& valued) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return std::nullopt;
        if (a.size() > 1 && a[0] == '-') {
            if (valued.count(a)) ++i;  // its value is the next word
            continue;
        }
        return a;
    }
    return std::nullopt;
}

}  // namespace ucompose
