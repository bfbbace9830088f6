#include <iostream>

#include "cli/ucompose/commands.hpp"

void add_version_command(CLI::App& app, GlobalOptions&) {
    auto* cmd = app.add_subcommand("version", "Show the ucompose version");
    cmd->callback([] { std::cout << "ucompose version " << UCOMPOSE_VERSION << "\n"; });
}
