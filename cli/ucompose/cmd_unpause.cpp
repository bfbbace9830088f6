// `ucompose unpause`: Unpause services.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_unpause_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("unpause", "Unpause services");
    auto o = std::make_shared<ucompose::LifecycleOptions>();
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::lifecycle(s, ucompose::Lifecycle::Unpause, *o));
    });
}
