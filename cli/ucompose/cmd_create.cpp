// `ucompose create`: create the services' containers without starting them.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_create_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("create", "Create containers for a service");
    auto o = std::make_shared<ucompose::UpOptions>();
    cmd->add_flag("--build", o->policy.build, "Build images before creating containers");
    cmd->add_flag("--no-build", o->policy.no_build, "Don't build an image, even if it's missing");
    cmd->add_flag("--force-recreate", o->policy.force_recreate, "Recreate containers even if unchanged");
    cmd->add_flag("--no-recreate", o->policy.no_recreate, "Don't recreate existing containers");
    cmd->add_flag("--remove-orphans", o->policy.remove_orphans, "Remove containers for services not in the file");
    cmd->add_option("--pull", o->policy.pull, "Pull image before running (always|missing|never)");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        o->policy.no_start = true;
        o->no_attach_logs = true;
        o->detach = true;
        ucompose::Session s = open_engine_session(g, o->services);
        g.exit_code = (ucompose::up(s, *o));
    });
}
