// `ucompose events`: podman's events for the project's containers, as they happen.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_events_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("events", "Receive real time events from containers");
    auto o = std::make_shared<ucompose::EventsOptions>();
    cmd->add_flag("--json", o->json, "Output events as a stream of json objects");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::events(s, *o));
    });
}
