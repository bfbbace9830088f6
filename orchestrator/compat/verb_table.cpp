#include "orchestrator/compat/verb_table.hpp"

#include "orchestrator/compat/handlers.hpp"

namespace ucompose::compat {
namespace {

using A = Arity;
constexpr bool kRepeat = true;

// Shorthands for the table's rows.
FlagSpec flag(std::string names, std::string help, std::string native) {
    return {std::move(names), A::None, std::move(help), std::move(native)};
}
FlagSpec value(std::string names, std::string help, std::string native, bool repeat = false) {
    return {std::move(names), A::One, std::move(help), std::move(native), "", repeat};
}
FlagSpec number(std::string names, std::string help, std::string native) {
    return {std::move(names), A::One, std::move(help), std::move(native), "", false, ValueType::Integer};
}
FlagSpec choice(std::string names, std::string help, std::string native, std::vector<std::string> choices) {
    return {std::move(names), A::One, std::move(help), std::move(native), "", false, ValueType::Text, std::move(choices)};
}
FlagSpec ignored(std::string names, Arity arity, std::string help, std::string reason, bool repeat = false) {
    return {std::move(names), arity, std::move(help), "", std::move(reason), repeat};
}
PositionalSpec services(std::string help) { return {"services", std::move(help), true}; }

std::vector<VerbSpec> make_table() {
    const std::string wait_reason = "start does not wait; up --wait does";
    std::vector<VerbSpec> t;
    t.push_back({"version", "show version",
                 {choice("-f,--format", "output form: pretty or json", "version text or {\"version\": ...}",
                         {"pretty", "json"}),
                  flag("--short", "only the version number", "version number alone")},
                 {}, false, handle_version});
    t.push_back({"up", "create and start the stack or some of its services",
                 {flag("-d,--detach", "run the containers in the background", "up --detach"),
                  flag("--no-color", "monochrome log prefixes", "up --no-color"),
                  ignored("--quiet-pull", A::None, "pull without progress output",
                          "podman's pull progress is never printed (podman pull -q)"),
                  flag("--no-deps", "leave out the named services' dependencies", "up --no-deps"),
                  value("--no-attach", "do not stream this service's output (repeatable)", "up --no-attach", kRepeat),
                  flag("--force-recreate", "recreate the containers even when unchanged", "up --force-recreate"),
                  ignored("--always-recreate-deps", A::None, "recreate the dependencies too",
                          "a dependency is recreated only when its own configuration changed"),
                  flag("--no-recreate", "keep existing containers as they are", "up --no-recreate"),
                  flag("--no-build", "never build a missing image", "up --no-build"),
                  flag("--no-start", "create the containers without starting them", "up --no-start"),
                  flag("--build", "build the images before starting", "up --build"),
                  flag("--abort-on-container-exit", "stop everything when a container stops",
                       "up --abort-on-container-exit"),
                  flag("--abort-on-container-failure", "stop everything when a container fails",
                       "up --abort-on-container-failure"),
                  number("-t,--timeout", "seconds to wait for a container to stop", "up --timeout"),
                  ignored("-V,--renew-anon-volumes", A::None, "fresh anonymous volumes",
                          "a recreated container always gets new anonymous volumes"),
                  flag("--remove-orphans", "remove containers of services no longer in the file",
                       "up --remove-orphans"),
                  value("--scale", "SERVICE=NUM: run NUM containers of SERVICE (repeatable)", "up --scale", kRepeat),
                  value("--exit-code-from", "exit with this service's exit code", "up --exit-code-from"),
                  flag("--no-hosts", "leave the containers' /etc/hosts alone", "podman create --no-hosts"),
                  flag("--pull", "pull the images that are missing", "up --pull missing"),
                  flag("--pull-always", "pull every image first", "up --pull always"),
                  ignored("--build-arg", A::One, "KEY=VALUE for the builds (repeatable)",
                          "up builds with the file's build args; build --build-arg takes them", kRepeat),
                  ignored("--no-cache", A::None, "build without the cache",
                          "up builds with the cache; build --no-cache does not"),
                  flag("--wait", "wait until the services are running or healthy (implies -d)", "up --wait"),
                  number("--wait-timeout", "seconds --wait waits at most", "up --wait-timeout")},
                 {services("services to start (with their dependencies)")}, false, handle_up});
    t.push_back({"down", "tear down the stack",
                 {flag("-v,--volumes", "remove the named and anonymous volumes too", "down --volumes"),
                  number("-t,--timeout", "seconds to wait for a container to stop", "down --timeout"),
                  flag("--remove-orphans", "remove containers of services no longer in the file",
                       "down --remove-orphans"),
                  choice("--rmi", "remove the services' images: all or local", "down --rmi", {"all", "local"})},
                 {{"services", "services to tear down", true, false, "down always takes the whole project down"}},
                 false, handle_down});
    t.push_back({"ps", "show status of containers",
                 {flag("-q,--quiet", "only the container IDs", "podman ps --format {{.ID}}"),
                  value("-f,--format", "a podman ps Go template, or json", "podman ps --format")},
                 {}, false, handle_ps});
    t.push_back({"config", "displays the compose file",
                 {flag("--services", "one service name per line", "the model's service names"),
                  flag("-q,--quiet", "only validate, print nothing", "load only"),
                  ignored("--no-normalize", A::None, "print the model as written",
                          "there is no un-normalized form to print")},
                 {}, false, handle_config});
    t.push_back({"port", "print the host port bound to a service's port",
                 {number("--index", "which container of the service (from 1)", "port --index"),
                  choice("--protocol", "tcp or udp", "port --protocol", {"tcp", "udp"})},
                 {{"service", "service name", false, true}, {"private_port", "the container's port", false, true}},
                 false, handle_port});
    t.push_back({"images", "list the images of the created containers",
                 {flag("-q,--quiet", "only the image IDs", "images --quiet")},
                 {services("services")}, false, handle_images});
    t.push_back({"logs", "show the services' logs",
                 {flag("-f,--follow", "keep following the output", "logs --follow"),
                  ignored("-l,--latest", A::None, "the latest container podman knows",
                          "logs shows the project's containers, and podman's latest one may not be one of them"),
                  ignored("-n,--names", A::None, "the container name on each line",
                          "every line's prefix already names its container"),
                  flag("--no-color", "monochrome prefixes", "logs --no-color"),
                  flag("--no-log-prefix", "no prefix, the bare text", "logs --no-log-prefix"),
                  value("--since", "from this time on", "logs --since"),
                  flag("-t,--timestamps", "a timestamp on each line", "logs --timestamps"),
                  value("--tail", "only the last N lines of each container", "logs --tail"),
                  value("--until", "up to this time", "logs --until")},
                 {services("services")}, false, handle_logs});
    t.push_back({"start", "start specific services",
                 {ignored("--wait", A::None, "wait until running or healthy", wait_reason),
                  ignored("--wait-timeout", A::One, "seconds --wait waits at most", wait_reason)},
                 {services("services")}, false, handle_start});
    t.push_back({"stop", "stop specific services",
                 {number("-t,--timeout", "seconds to wait for a container to stop", "stop --timeout")},
                 {services("services")}, false, handle_stop});
    t.push_back({"restart", "restart specific services",
                 {number("-t,--timeout", "seconds to wait for a container to stop", "restart --timeout")},
                 {services("services")}, false, handle_restart});
    t.push_back({"pause", "pause services", {}, {services("services")}, false, handle_pause});
    t.push_back({"unpause", "unpause services", {}, {services("services")}, false, handle_unpause});
    t.push_back({"kill", "kill services",
                 {value("-s,--signal", "the signal to send (default KILL)", "kill --signal"),
                  flag("-a,--all", "every service's containers", "kill with no services")},
                 {services("services")}, false, handle_kill});
    t.push_back({"run", "run a one-off command in a new container of a service",
                 {ignored("--build", A::None, "build the image first",
                          "run builds a service's image only when it is missing"),
                  flag("-d,--detach", "run in the background", "run --detach"),
                  value("--name", "the container's name", "run --name"),
                  value("--entrypoint", "override the image's entrypoint", "run --entrypoint"),
                  value("-e,--env", "KEY=VALUE in the container's environment (repeatable)", "run --env", kRepeat),
                  value("-l,--label", "KEY=VALUE label (repeatable)", "run --label", kRepeat),
                  value("-u,--user", "user name or uid", "run --user"),
                  flag("--no-deps", "do not start the service's dependencies", "run --no-deps"),
                  flag("--rm", "remove the container when it exits", "run --rm"),
                  value("-p,--publish", "publish a port (repeatable)", "run --publish", kRepeat),
                  flag("--service-ports", "publish the service's own ports", "run --service-ports"),
                  value("-v,--volume", "bind mount (repeatable)", "run --volume", kRepeat),
                  flag("-T", "no pseudo-terminal", "run -T"),
                  value("-w,--workdir", "working directory in the container", "run --workdir")},
                 {}, true, handle_run});
    t.push_back({"exec", "run a command in a running service container",
                 {flag("-d,--detach", "run in the background", "exec --detach"),
                  flag("--privileged", "extended privileges for the command", "exec --privileged"),
                  value("-u,--user", "user name or uid", "exec --user"),
                  flag("-T", "no pseudo-terminal", "exec -T"),
                  number("--index", "which container of the service (from 1)", "exec --index"),
                  value("-e,--env", "KEY=VALUE in the command's environment (repeatable)", "exec --env", kRepeat),
                  value("-w,--workdir", "working directory in the container", "exec --workdir")},
                 {}, true, handle_exec});
    t.push_back({"pull", "pull the stack's images",
                 {ignored("--force-local", A::None, "pull the images of built services too",
                          "pull already pulls every service's image:, built or local ones included")},
                 {services("services to pull")}, false, handle_pull});
    t.push_back({"build", "build stack images",
                 {flag("--pull", "pull newer base images", "build --pull"),
                  flag("--pull-always", "pull newer base images", "build --pull"),
                  value("--build-arg", "KEY=VALUE build-time variable (repeatable)", "build --build-arg", kRepeat),
                  flag("--no-cache", "build without the cache", "build --no-cache")},
                 {services("services to build")}, false, handle_build});
    t.push_back({"push", "push stack images",
                 {flag("--ignore-push-failures", "do not stop on a failed push", "push --ignore-push-failures")},
                 {services("services to push")}, false, handle_push});
    t.push_back({"help", "show help", {}, {}, false, handle_help});
    return t;
}

}  // namespace

const std::vector<VerbSpec>& verb_table() {
    static const std::vector<VerbSpec> table = make_table();
    return table;
}

const VerbSpec* find_verb(const std::string& name) {
    for (const auto& v : verb_table())
        if (v.name == name) return &v;
    return nullptr;
}

}  // namespace ucompose::compat
