// `ucompose stats`: live resource usage of the services' containers (podman stats).
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_stats_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("stats", "Display a live stream of container(s) resource usage statistics");
    auto o = std::make_shared<ucompose::StatsOptions>();
    auto format = std::make_shared<std::string>();
    cmd->add_flag("-a,--all", o->all, "Show all containers (default shows just running)");
    cmd->add_flag("--no-stream", o->no_stream, "Disable streaming stats and only pull the first result");
    cmd->add_flag("--no-trunc", o->no_trunc, "Do not truncate output");
    cmd->add_option("--format", *format, "Format output using a Go template");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o, format] {
        if (!format->empty()) o->format = *format;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = ucompose::stats(s, *o);
    });
}
