// `ucompose ps`: list the project's containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_ps_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("ps", "List containers");
    auto o = std::make_shared<ucompose::PsOptions>();
    cmd->add_flag("-a,--all", o->all, "Show all stopped containers");
    cmd->add_flag("-q,--quiet", o->quiet, "Only display IDs");
    cmd->add_flag("--services", o->services_only, "Display services");
    cmd->add_option("--format", o->format, "Format the output (table|json)")->check(CLI::IsMember({"table", "json"}));
    cmd->add_option("--status", o->status, "Filter services by status")->allow_extra_args(false);
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::ps(s, *o));
    });
}
