#include "orchestrator/compat/globals.hpp"

#include "orchestrator/compat/shell_words.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/podman/limited_client.hpp"

namespace ucompose::compat {

const char* const kVerbsWithArgs[9] = {"pull", "push", "build", "inspect", "run",
                                      "start", "stop", "rm", "volume"};

namespace {

std::vector<FlagSpec> make_global_flags() {
    const std::string pods = "services never share a pod (two unikernels cannot share one network namespace)";
    std::vector<FlagSpec> f{
        {"-f,--file", Arity::One, "compose file(s)", "--file", "", true},
        {"-p,--project-name", Arity::One, "project name", "--project-name"},
        {"--podman-path", Arity::One, "podman binary", "--podman-path"},
        {"--podman-args", Arity::One, "global arguments for podman, split into words", "podman's global arguments", "",
         true},
    };
    for (const char* verb : kVerbsWithArgs)
        f.push_back({std::string("--podman-") + verb + "-args", Arity::One,
                     std::string("arguments for podman ") + verb + ", split into words",
                     std::string("arguments of podman ") + verb, "", true});
    std::vector<FlagSpec> rest{
        {"--env-file", Arity::One, "environment file(s)", "--env-file", "", true},
        {"--profile", Arity::One, "profile(s) to enable", "--profile", "", true},
        {"--in-pod", Arity::Optional, "put the services in a pod", "", pods},
        {"--pod-args", Arity::One, "arguments for podman pod create", "", "no pod is made (see --in-pod)"},
        {"--no-ansi", Arity::None, "no ANSI control characters", "--no-ansi"},
        {"--no-cleanup", Arity::None, "keep the existing containers", "",
         "up replaces only the containers whose configuration changed (podman-compose ignores it too)"},
        {"--dry-run", Arity::None, "print the podman commands, run none", "--dry-run"},
        {"--verbose", Arity::None, "print debugging output", "--verbose"},
        {"--parallel", Arity::One, "max podman commands at once, -1 for unlimited", "--parallel"},
    };
    f.insert(f.end(), rest.begin(), rest.end());
    return f;
}

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

const std::vector<FlagSpec>& global_flags() {
    static const std::vector<FlagSpec> flags = make_global_flags();
    return flags;
}

CompatGlobals globals_from(const ParsedArgs& a) {
    CompatGlobals g;
    g.files = a.all("--file");
    g.project_name = a.last("--project-name").value_or("");
    g.podman_path = a.last("--podman-path").value_or("podman");
    g.podman_args = a.all("--podman-args");
    for (const char* verb : kVerbsWithArgs) {
        auto values = a.all(std::string("--podman-") + verb + "-args");
        if (!values.empty()) g.verb_args[verb] = values;
    }
    g.env_files = a.all("--env-file");
    g.profiles = a.all("--profile");
    g.no_ansi = a.given("--no-ansi");
    g.dry_run = a.given("--dry-run");
    g.verbose = a.given("--verbose");
    g.parallel = a.last("--parallel");
    return g;
}

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
