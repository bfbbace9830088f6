// `ucompose restart`: Restart service containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_restart_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("restart", "Restart service containers");
    auto o = std::make_shared<ucompose::LifecycleOptions>();
    auto timeout = std::make_shared<int>(-1);
    cmd->add_option("-t,--timeout", *timeout, "Shutdown timeout in seconds");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o, timeout] {
        if (*timeout >= 0) o->timeout = *timeout;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::lifecycle(s, ucompose::Lifecycle::Restart, *o));
    });
}
