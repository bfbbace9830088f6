#include "orchestrator/engine/session.hpp"

#include <unistd.h>

#include <iostream>

#include <spdlog/spdlog.h>

#include "orchestrator/model/loader.hpp"
#include "orchestrator/podman/containers_conf.hpp"
#include "orchestrator/podman/limited_client.hpp"
#include "orchestrator/podman/runtimes.hpp"
#include "runtime/sys/printable.hpp"

namespace ucompose {

LoadOptions load_options(const SessionOptions& o) {
    LoadOptions lo;
    lo.files = o.files;
    lo.project_name = o.project_name;
    lo.project_directory = o.project_directory;
    lo.env_files = o.env_files;
    lo.profiles = o.profiles;
    lo.services = o.services;
    lo.with_dependencies = o.with_dependencies;
    lo.environment = process_environment();
    lo.stdin_input = &std::cin;  // `-f -`, for every command as in docker compose
    // A warning quotes the file (keys, values): one line whatever bytes they hold.
    lo.warn = [](const std::string& w) { spdlog::warn("{}", sys::printable(w)); };
    return lo;
}

Session open_session(const SessionOptions& o) {
    Session s;
    s.project = load_project(load_options(o));
    s.client = limit_parallelism(make_podman_client(o.podman, o.dry_run), o.parallel);
    s.color = o.ansi && ::isatty(1) && !o.dry_run;
    s.live = o.ansi && ::isatty(2) && !o.dry_run;
    s.ansi = o.ansi && !o.dry_run;
    s.podman_compose = o.podman_compose;
    s.verbose = o.verbose;
    s.unikernels = registry_unikernel_source();
    s.runtimes = registered_runtimes(read_containers_conf());
    return s;
}

void check_project_runtimes(const Session& session) {
    check_runtimes(session.project, session.runtimes ? *session.runtimes : registered_runtimes({}));
}

Session make_session(Project project, std::unique_ptr<PodmanClient> client) {
    Session s;
    s.project = std::move(project);
    s.client = std::move(client);
    return s;
}

}  // namespace ucompose
