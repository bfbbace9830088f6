// The podman arguments of how a service's process runs and stops
// (orchestrator/model/keys/process.cpp).
#include <nlohmann/json.hpp>

#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

// restart, else deploy.restart_policy; "" for none.
std::string restart_policy(const Service& s) {
    if (s.restart) {
        if (*s.restart == "no" || *s.restart == "false") return "no";
        return *s.restart;
    }
    if (s.deploy && s.deploy->restart_policy_condition) {
        const std::string& c = *s.deploy->restart_policy_condition;
        if (c == "none") return "no";
        if (c == "any") return "always";
        if (c == "on-failure") {
            return s.deploy->restart_policy_max_attempts
                       ? "on-failure:" + std::to_string(*s.deploy->restart_policy_max_attempts)
                       : "on-failure";
        }
    }
    return "";
}

// `run --rm` containers are not restarted.
void restart_argv(const Service& s, const ContainerSpec& spec, sys::Argv& a) {
    std::string restart = restart_policy(s);
    if (!restart.empty() && !spec.remove) add(a, "--restart", restart);
}

}  // namespace

std::vector<KeyArgs> process_args() {
    return {
        {.key = "user",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (auto user = spec.user ? spec.user : s.user) add(a, "--user", *user);
         }},
        {.key = "working_dir",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (auto dir = spec.workdir ? spec.workdir : s.working_dir) add(a, "--workdir", *dir);
         }},
        // An empty list resets the image's entrypoint.
        {.key = "entrypoint",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             const auto& entrypoint = spec.entrypoint ? spec.entrypoint : s.entrypoint;
             if (entrypoint) add(a, "--entrypoint", entrypoint->empty() ? "" : nlohmann::json(*entrypoint).dump());
         }},
        no_args("command", "it closes the argv, after the image (container_args)"),
        {.key = "init",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (s.init && *s.init) a.push_back("--init");
         }},
        {.key = "tty",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (spec.tty.value_or(s.tty)) a.push_back("-t");
         }},
        {.key = "stdin_open",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (spec.interactive.value_or(s.stdin_open)) a.push_back("-i");
         }},
        {.key = "stop_signal", .write = value("--stop-signal", &Service::stop_signal)},
        // podman takes whole seconds.
        {.key = "stop_grace_period",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (!s.stop_grace_period) return;
             auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*s.stop_grace_period);
             add(a, "--stop-timeout", std::to_string(seconds.count()));
         }},
        {.key = "restart", .write = restart_argv},
    };
}

}  // namespace ucompose
