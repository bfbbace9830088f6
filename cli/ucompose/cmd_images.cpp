// `ucompose images`: the images used by the project's containers.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_images_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("images", "List images used by the created containers");
    auto o = std::make_shared<ucompose::ImagesOptions>();
    cmd->add_flag("-q,--quiet", o->quiet, "Only display IDs");
    cmd->add_option("--format", o->format, "Format the output (table|json)")->check(CLI::IsMember({"table", "json"}));
    cmd->add_option("services", o->services, "Services");
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::images(s, *o));
    });
}
