// `ucompose rm`: Removes stopped service containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_rm_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("rm", "Removes stopped service containers");
    auto o = std::make_shared<ucompose::LifecycleOptions>();
    cmd->add_flag("-f,--force", o->force, "Don't ask to confirm removal");
    cmd->add_flag("-s,--stop", o->stop_first, "Stop the containers, if required, before removing");
    cmd->add_flag("-v,--volumes", o->volumes, "Remove any anonymous volumes attached to containers");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::lifecycle(s, ucompose::Lifecycle::Remove, *o));
    });
}
