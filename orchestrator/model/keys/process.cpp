// How a service's process runs and stops: command, entrypoint, user, working_dir, init, tty,
// stop_signal, stop_grace_period, restart.
#include <nlohmann/json.hpp>

#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/units.hpp"

namespace ucompose {
namespace {

using namespace keys;

// A string is split like a shell would; null is "none".
std::vector<std::string> read_command(const Value& v, const std::string& path) {
    if (v.is_null()) return {};
    if (v.is_scalar()) {
        auto words = shell_split(v.scalar);
        if (!words) throw Error(v.pos, path + ": unterminated quote in \"" + v.scalar + "\"");
        return *words;
    }
    return read_string_list(v, path);
}

void read_restart(const Value& v, const KeyRead& r, Service& s) {
    std::string pol = read_string(v, r.path());
    bool ok = pol == "no" || pol == "always" || pol == "unless-stopped" || pol == "on-failure" ||
              pol.rfind("on-failure:", 0) == 0;
    if (!ok)
        throw Error(v.pos, r.path() + " must be no, always, on-failure[:max] or unless-stopped, not \"" + pol + "\"");
    s.restart = pol;
}

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

std::vector<ServiceKey> process_keys() {
    using namespace merge_rule;
    return {
        {.name = "user", .merge = replace, .read = into(&Service::user, read_string),
         .argv = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (auto user = spec.user ? spec.user : s.user) add(a, "--user", *user);
         },
         .emit = from(&Service::user),
         .kube = kube_warned_if_set(12, &Service::user, "set securityContext.runAsUser by hand")},
        {.name = "working_dir", .merge = replace, .read = into(&Service::working_dir, read_string),
         .argv = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (auto dir = spec.workdir ? spec.workdir : s.working_dir) add(a, "--workdir", *dir);
         },
         .emit = from(&Service::working_dir),
         .kube = kube_converted()},
        // An empty list resets the image's entrypoint.
        {.name = "entrypoint", .merge = replace, .read = into(&Service::entrypoint, read_command),
         .argv = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             const auto& entrypoint = spec.entrypoint ? spec.entrypoint : s.entrypoint;
             if (entrypoint) add(a, "--entrypoint", entrypoint->empty() ? "" : nlohmann::json(*entrypoint).dump());
         },
         .emit = from(&Service::entrypoint),
         .kube = kube_converted()},
        // The command closes the argv, after the image (container_args).
        {.name = "command", .merge = replace, .read = into(&Service::command, read_command),
         .emit = from(&Service::command),
         .kube = kube_converted()},
        {.name = "init", .merge = replace, .read = into(&Service::init, read_bool),
         .argv = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (s.init && *s.init) a.push_back("--init");
         },
         .emit = from(&Service::init),
         .kube = kube_warned_if_set(32, &Service::init, "the image's entrypoint is PID 1")},
        {.name = "tty", .merge = replace, .read = into(&Service::tty, read_bool),
         .argv = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (spec.tty.value_or(s.tty)) a.push_back("-t");
         },
         .emit = from(&Service::tty),
         .kube = kube_warned_if_set(36, &Service::tty, "set tty in the container by hand")},
        {.name = "stdin_open", .merge = replace, .read = into(&Service::stdin_open, read_bool),
         .argv = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             if (spec.interactive.value_or(s.stdin_open)) a.push_back("-i");
         },
         .emit = from(&Service::stdin_open),
         .kube = kube_warned_if_set(37, &Service::stdin_open, "set stdin in the container by hand")},
        {.name = "stop_signal", .merge = replace, .read = into(&Service::stop_signal, read_string),
         .argv = value("--stop-signal", &Service::stop_signal), .emit = from(&Service::stop_signal),
         .kube = kube_warned_if_set(33, &Service::stop_signal, "pods are stopped with SIGTERM")},
        // podman takes whole seconds.
        {.name = "stop_grace_period", .merge = replace, .read = into(&Service::stop_grace_period, read_duration),
         .argv = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (!s.stop_grace_period) return;
             auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*s.stop_grace_period);
             add(a, "--stop-timeout", std::to_string(seconds.count()));
         },
         .emit = from(&Service::stop_grace_period),
         .kube = kube_warned_if_set(34, &Service::stop_grace_period, "set terminationGracePeriodSeconds by hand")},
        {.name = "restart", .merge = replace, .read = read_restart, .argv = restart_argv,
         .emit = from(&Service::restart),
         .kube = kube_warned(23, [](const Service& s, bool) { return s.restart && *s.restart != "always"; },
                             "a Deployment always restarts its containers (restartPolicy: Always)")},
        not_yet("post_start"),
        not_yet("pre_stop"),
    };
}

}  // namespace ucompose
