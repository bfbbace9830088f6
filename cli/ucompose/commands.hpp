// One add_<name>_command per subcommand file (cmd_<name>.cpp).
#pragma once
#include <CLI/CLI.hpp>

#include "cli/ucompose/global_options.hpp"

void add_version_command(CLI::App& app, GlobalOptions& g);
void add_config_command(CLI::App& app, GlobalOptions& g);
void add_build_command(CLI::App& app, GlobalOptions& g);
void add_unikernel_command(CLI::App& app, GlobalOptions& g);
