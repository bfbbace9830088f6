// `ucompose push`: push the images of the services that are built and name an image.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_push_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("push", "Push service images");
    auto o = std::make_shared<ucompose::PushOptions>();
    cmd->add_flag("--ignore-push-failures", o->ignore_failures, "Push what it can and ignore images with failures");
    cmd->add_flag("-q,--quiet", o->quiet, "Push without printing progress information");
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g, o->services, false);
        g.exit_code = ucompose::push(s, *o);
    });
}
