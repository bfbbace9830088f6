// One podman invocation as data: the verb words ("create", "network create") and the
// arguments after them. The full argv is assembled from a PodmanConfig, so that callers
// (ucompose, and podman-compose's --podman-*-args in compat mode) can inject flags per verb.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "runtime/sys/process.hpp"

namespace ucompose {

struct PodmanCommand {
    std::vector<std::string> verb;  // e.g. {"create"} or {"network", "create"}
    sys::Argv args;                 // everything after the verb

    bool operator==(const PodmanCommand&) const = default;
};

struct PodmanConfig {
    std::string path = "podman";  // --podman-path
    sys::Argv global_args;        // before the verb (podman-compose's --podman-args)
    // Extra arguments per first verb word ("create", "run", "start", "stop", "rm", "pull",
    // "build", "inspect", "volume", ...), inserted right after the verb words.
    // In compat mode, --podman-run-args is registered under both "run" and "create".
    std::map<std::string, sys::Argv> verb_args;
};

// path, global_args..., verb..., verb_args[verb[0]]..., args...
sys::Argv full_argv(const PodmanConfig& config, const PodmanCommand& command);

// "podman create --name x ..." with shell quoting, for messages and dry runs only.
std::string display(const PodmanConfig& config, const PodmanCommand& command);

}  // namespace ucompose

namespace ucompose {
namespace detail {
inline void append_arg(sys::Argv& out, const std::string& a) { out.push_back(a); }
inline void append_arg(sys::Argv& out, const char* a) { out.emplace_back(a); }
inline void append_arg(sys::Argv& out, const sys::Argv& v) { out.insert(out.end(), v.begin(), v.end()); }
}  // namespace detail

// cmd("network create", "--label", x, names...): the verb words split on spaces, then each
// argument (a string, or a vector of strings appended in order). Braced lists cannot be used
// inside a co_await expression with g++ 12 ("array used as initializer"); this can.
template <typename... A>
PodmanCommand cmd(const std::string& verb, const A&... args) {
    PodmanCommand c;
    std::size_t pos = 0;
    while (pos < verb.size()) {
        std::size_t sp = verb.find(' ', pos);
        if (sp == std::string::npos) sp = verb.size();
        if (sp > pos) c.verb.push_back(verb.substr(pos, sp - pos));
        pos = sp + 1;
    }
    (detail::append_arg(c.args, args), ...);
    return c;
}
}  // namespace ucompose
