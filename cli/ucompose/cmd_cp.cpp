// `ucompose cp`: copy files between a service container and the host.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_cp_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("cp", "Copy files/folders between a service container and the local filesystem");
    auto o = std::make_shared<ucompose::CopyOptions>();
    cmd->add_flag("-a,--archive", o->archive, "Archive mode (copy all uid/gid information)");
    cmd->add_option("--index", o->index, "Index of the container if the service has multiple replicas");
    cmd->add_option("source", o->source, "SERVICE:SRC_PATH or a local path")->required();
    cmd->add_option("destination", o->destination, "SERVICE:DEST_PATH or a local path")->required();
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = ucompose::copy(s, *o);
    });
}
