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

}  // namespace

std::vector<ServiceKey> process_keys() {
    using namespace merge_rule;
    return {
        {.name = "user", .merge = replace, .read = into(&Service::user, read_string),
         .emit = from(&Service::user),
         .kube = kube_warned_if_set(12, &Service::user, "set securityContext.runAsUser by hand")},
        {.name = "working_dir", .merge = replace, .read = into(&Service::working_dir, read_string),
         .emit = from(&Service::working_dir),
         .kube = kube_converted()},
        // An empty list resets the image's entrypoint.
        {.name = "entrypoint", .merge = replace, .read = into(&Service::entrypoint, read_command),
         .emit = from(&Service::entrypoint),
         .kube = kube_converted()},
        {.name = "command", .merge = replace, .read = into(&Service::command, read_command),
         .emit = from(&Service::command),
         .kube = kube_converted()},
        {.name = "init", .merge = replace, .read = into(&Service::init, read_bool),
         .emit = from(&Service::init),
         .kube = kube_warned_if_set(32, &Service::init, "the image's entrypoint is PID 1")},
        {.name = "tty", .merge = replace, .read = into(&Service::tty, read_bool),
         .emit = from(&Service::tty),
         .kube = kube_warned_if_set(36, &Service::tty, "set tty in the container by hand")},
        {.name = "stdin_open", .merge = replace, .read = into(&Service::stdin_open, read_bool),
         .emit = from(&Service::stdin_open),
         .kube = kube_warned_if_set(37, &Service::stdin_open, "set stdin in the container by hand")},
        {.name = "stop_signal", .merge = replace, .read = into(&Service::stop_signal, read_string),
         .emit = from(&Service::stop_signal),
         .kube = kube_warned_if_set(33, &Service::stop_signal, "pods are stopped with SIGTERM")},
        {.name = "stop_grace_period", .merge = replace, .read = into(&Service::stop_grace_period, read_duration),
         .emit = from(&Service::stop_grace_period),
         .kube = kube_warned_if_set(34, &Service::stop_grace_period, "set terminationGracePeriodSeconds by hand")},
        {.name = "restart", .merge = replace, .read = read_restart, .emit = from(&Service::restart),
         .kube = kube_warned(23, [](const Service& s, bool) { return s.restart && *s.restart != "always"; },
                             "a Deployment always restarts its containers (restartPolicy: Always)")},
        not_yet("post_start"),
        not_yet("pre_stop"),
    };
}

}  // namespace ucompose
