// `ucompose ls`: the compose projects podman knows (no compose file needed).
#include "cli/ucompose/commands.hpp"
#include "orchestrator/engine/projects.hpp"

void add_ls_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("ls", "List running compose projects");
    auto o = std::make_shared<ucompose::LsOptions>();
    auto filter = std::make_shared<std::string>();
    cmd->add_flag("-a,--all", o->all, "Show all stopped Compose projects");
    cmd->add_flag("-q,--quiet", o->quiet, "Only display project names");
    cmd->add_option("--format", o->format, "Format the output (table|json)")->check(CLI::IsMember({"table", "json"}));
    cmd->add_option("--filter", *filter, "Filter output based on conditions provided (name=TEXT)");
    cmd->callback([&g, o, filter] {
        if (!filter->empty()) {
            if (filter->rfind("name=", 0) != 0)
                throw CLI::ValidationError("--filter", "only name=TEXT is supported, not " + *filter);
            o->name_filter = filter->substr(5);
        }
        ucompose::PodmanConfig pc;
        pc.path = g.podman_path;
        g.exit_code = ucompose::ls(pc, g.dry_run, *o);
    });
}
