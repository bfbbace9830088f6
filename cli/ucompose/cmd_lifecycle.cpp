// `ucompose start | stop | restart | pause | unpause [SERVICE...]`: one lifecycle verb on the
// services' existing containers; stop and restart take -t.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

namespace {

void add_lifecycle_command(CLI::App& app, GlobalOptions& g, const char* name, const char* help,
                           ucompose::Lifecycle verb, bool with_timeout) {
    auto* cmd = app.add_subcommand(name, help);
    auto o = std::make_shared<ucompose::LifecycleOptions>();
    auto timeout = std::make_shared<int>(-1);
    if (with_timeout) cmd->add_option("-t,--timeout", *timeout, "Shutdown timeout in seconds");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o, timeout, verb] {
        if (*timeout >= 0) o->timeout = *timeout;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = ucompose::lifecycle(s, verb, *o);
    });
}

}  // namespace

void add_lifecycle_commands(CLI::App& app, GlobalOptions& g) {
    using ucompose::Lifecycle;
    add_lifecycle_command(app, g, "start", "Start services", Lifecycle::Start, false);
    add_lifecycle_command(app, g, "stop", "Stop services", Lifecycle::Stop, true);
    add_lifecycle_command(app, g, "restart", "Restart service containers", Lifecycle::Restart, true);
    add_lifecycle_command(app, g, "pause", "Pause services", Lifecycle::Pause, false);
    add_lifecycle_command(app, g, "unpause", "Unpause services", Lifecycle::Unpause, false);
}
