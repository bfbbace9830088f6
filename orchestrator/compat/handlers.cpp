#include "orchestrator/compat/handlers.hpp"

#include <iostream>

#include "orchestrator/compat/requests.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/serialize.hpp"
#include "orchestrator/version.hpp"

namespace ucompose::compat {
namespace {

Session open_all(const CompatContext& c) { return open_compat_session(c.globals, {}); }

int lifecycle_of(Lifecycle verb, const ParsedArgs& a, const CompatContext& c) {
    Session s = open_all(c);
    return lifecycle(s, verb, lifecycle_request(a));
}

}  // namespace

int handle_version(const ParsedArgs& a, const CompatContext&) {
    std::cout << version_text(version_request(a), "1.0.3", ucompose::version());
    return 0;
}

int handle_help(const ParsedArgs&, const CompatContext& c) {
    std::cout << c.usage();
    return 0;
}

int handle_up(const ParsedArgs& a, const CompatContext& c) {
    UpRequest r = up_request(a);
    CompatGlobals g = c.globals;
    g.no_hosts = r.no_hosts;
    Session s = open_compat_session(g, r.up.services, r.with_deps);
    apply_scale(s.project, r.scale);
    return up(s, r.up);
}

int handle_down(const ParsedArgs& a, const CompatContext& c) {
    Session s = open_all(c);
    return down(s, down_request(a));
}

int handle_ps(const ParsedArgs& a, const CompatContext& c) {
    PsRequest r = ps_request(a);
    Session s = open_all(c);
    return podman_ps(s, r.quiet, r.format);
}

int handle_config(const ParsedArgs& a, const CompatContext& c) {
    ConfigRequest r = config_request(a);
    Project p = load_project(load_options(compat_session_options(c.globals, {})));
    if (r.quiet) return 0;
    if (r.services) {
        for (const auto& name : p.service_names()) std::cout << name << "\n";
        return 0;
    }
    std::cout << project_to_yaml(p);
    return 0;
}

int handle_port(const ParsedArgs& a, const CompatContext& c) {
    PortOptions o = port_request(a);
    Session s = open_all(c);
    return port(s, o);
}

int handle_images(const ParsedArgs& a, const CompatContext& c) {
    Session s = open_all(c);
    return images(s, images_request(a));
}

int handle_logs(const ParsedArgs& a, const CompatContext& c) {
    Session s = open_all(c);
    return logs(s, logs_request(a));
}

int handle_start(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Start, a, c); }
int handle_stop(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Stop, a, c); }
int handle_restart(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Restart, a, c); }
int handle_pause(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Pause, a, c); }
int handle_unpause(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Unpause, a, c); }
int handle_kill(const ParsedArgs& a, const CompatContext& c) { return lifecycle_of(Lifecycle::Kill, a, c); }

int handle_run(const ParsedArgs& a, const CompatContext& c) {
    RunRequest r = run_request(a);
    Session s = open_compat_session(c.globals, {r.run.service}, r.with_deps);
    return run(s, r.run);
}

int handle_exec(const ParsedArgs& a, const CompatContext& c) {
    ExecOptions e = exec_request(a);
    Session s = open_all(c);
    return exec(s, e);
}

int handle_pull(const ParsedArgs& a, const CompatContext& c) {
    Session s = open_all(c);
    return pull(s, pull_request(a));
}

int handle_build(const ParsedArgs& a, const CompatContext& c) {
    BuildOptions b = build_request(a);
    Session s = open_compat_session(c.globals, b.services, false);
    return build(s, b);
}

int handle_push(const ParsedArgs& a, const CompatContext& c) {
    PushOptions p = push_request(a);
    Session s = open_compat_session(c.globals, p.services, false);
    return push(s, p);
}

}  // namespace ucompose::compat
