// `ucompose pull`: pull the services' images.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_pull_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("pull", "Pull service images");
    auto o = std::make_shared<ucompose::PullOptions>();
    cmd->add_flag("--ignore-pull-failures", o->ignore_failures, "Pull what it can and ignore images with failures");
    cmd->add_flag("-q,--quiet", o->quiet, "Pull without printing progress information");
    cmd->add_flag("--include-deps", o->include_deps, "Also pull services declared as dependencies");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::pull(s, *o));
    });
}
