// `ucompose top`: the running processes of the services' containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_top_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("top", "Display the running processes");
    auto services = std::make_shared<std::vector<std::string>>();
    cmd->add_option("services", *services, "Services");
    cmd->callback([&g, services] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::top(s, *services));
    });
}
