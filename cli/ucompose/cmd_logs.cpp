// `ucompose logs`: output from the services' containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_logs_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("logs", "View output from containers");
    auto o = std::make_shared<ucompose::LogsOptions>();
    auto tail = std::make_shared<std::string>();
    auto since = std::make_shared<std::string>();
    auto until = std::make_shared<std::string>();
    cmd->add_flag("-f,--follow", o->follow, "Follow log output");
    cmd->add_option("-n,--tail", *tail, "Number of lines to show from the end of the logs (or \"all\")");
    cmd->add_flag("-t,--timestamps", o->timestamps, "Show timestamps");
    cmd->add_flag("--no-color", o->no_color, "Produce monochrome output");
    cmd->add_flag("--no-log-prefix", o->no_log_prefix, "Don't print prefix in logs");
    cmd->add_option("--since", *since, "Show logs since timestamp or relative time");
    cmd->add_option("--until", *until, "Show logs before a timestamp or relative time");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o, tail, since, until] {
        if (!tail->empty()) o->tail = *tail;
        if (!since->empty()) o->since = *since;
        if (!until->empty()) o->until = *until;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::logs(s, *o));
    });
}
