#include "orchestrator/podman/command.hpp"

namespace ucompose {

sys::Argv full_argv(const PodmanConfig& config, const PodmanCommand& command) {
    sys::Argv out;
    out.reserve(1 + config.global_args.size() + command.verb.size() + command.args.size() + 4);
    out.push_back(config.path);
    out.insert(out.end(), config.global_args.begin(), config.global_args.end());
    out.insert(out.end(), command.verb.begin(), command.verb.end());
    if (!command.verb.empty()) {
        auto it = config.verb_args.find(command.verb.front());
        if (it != config.verb_args.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    out.insert(out.end(), command.args.begin(), command.args.end());
    return out;
}

std::string display(const PodmanConfig& config, const PodmanCommand& command) {
    return sys::join_argv(full_argv(config, command));
}

}  // namespace ucompose
