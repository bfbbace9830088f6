// `ucompose down`: stop and remove the project's containers and networks (and volumes with -v).
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_down_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("down", "Stop and remove containers, networks");
    auto o = std::make_shared<ucompose::DownOptions>();
    auto timeout = std::make_shared<int>(-1);
    cmd->add_flag("-v,--volumes", o->volumes, "Remove named volumes and anonymous volumes");
    cmd->add_flag("--remove-orphans", o->remove_orphans, "Remove containers for services not in the file");
    cmd->add_option("-t,--timeout", *timeout, "Shutdown timeout in seconds");
    cmd->add_option("--rmi", o->rmi, "Remove images used by services (local|all)")
        ->check(CLI::IsMember({"local", "all"}));
    cmd->callback([&g, o, timeout] {
        if (*timeout >= 0) o->timeout = *timeout;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::down(s, *o));
    });
}
