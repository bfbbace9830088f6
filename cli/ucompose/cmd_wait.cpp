// `ucompose wait`: block until the services' containers stop.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_wait_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("wait", "Block until containers of all (or specified) services stop");
    auto o = std::make_shared<ucompose::WaitOptions>();
    cmd->add_flag("--down-project", o->down_project, "Drops project when the first container stops");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = ucompose::wait(s, *o);
    });
}
