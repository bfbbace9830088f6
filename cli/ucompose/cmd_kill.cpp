// `ucompose kill`: Force stop service containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_kill_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("kill", "Force stop service containers");
    auto o = std::make_shared<ucompose::LifecycleOptions>();
    cmd->add_option("-s,--signal", o->signal, "SIGNAL to send to the container");
    cmd->add_flag("--remove-orphans", o->remove_orphans, "Remove containers for services not in the file");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::lifecycle(s, ucompose::Lifecycle::Kill, *o));
    });
}
