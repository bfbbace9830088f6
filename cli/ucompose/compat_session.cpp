#include "cli/ucompose/compat_session.hpp"

#include "orchestrator/compat/shell_words.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/podman/limited_client.hpp"

namespace ucompose::compat {

const char* const kVerbsWithArgs[9] = {"pull", "push", "build", "inspect", "run",
                                      "start", "stop", "rm", "volume"};

namespace {

PodmanConfig podman_config(const CompatGlobals& g) {
    PodmanConfig c;
    c.path = g.podman_path;
    for (const auto& v : g.podman_args)
        for (auto& w : split_shell_words(v)) c.global_args.push_back(w);
    for (const auto& [verb, values] : g.verb_args) {
        for (const auto& v : values) {
            for (auto& w : split_shell_words(v)) {
                c.verb_args[verb].push_back(w);
                // podman-compose passes --podman-run-args to `podman create` as well.
                if (verb == "run") c.verb_args["create"].push_back(w);
            }
        }
    }
    if (g.no_hosts) c.verb_args["create"].push_back("--no-hosts");  // as podman-compose's up --no-hosts
    return c;
}

}  // namespace

SessionOptions compat_session_options(const CompatGlobals& g, const std::vector<std::string>& services,
                                      bool with_deps) {
    SessionOptions o;
    o.files = g.files;
    o.project_name = g.project_name;
    o.env_files = g.env_files;
    o.profiles = g.profiles;
    o.services = services;
    o.with_dependencies = with_deps;
    o.podman = podman_config(g);
    o.dry_run = g.dry_run;
    o.verbose = g.verbose;
    o.podman_compose = true;
    o.ansi = !g.no_ansi;
    o.parallel = parallel_limit(g.parallel, environment_value("COMPOSE_PARALLEL_LIMIT"));
    return o;
}

Session open_compat_session(const CompatGlobals& g, const std::vector<std::string>& services, bool with_deps) {
    return open_session(compat_session_options(g, services, with_deps));
}

}  // namespace ucompose::compat
