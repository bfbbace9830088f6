// podman-compose's commands that read the project or ask podman about it: ps (podman's own
// table, --format passed through), config, port and images.
#pragma once
#include <CLI/CLI.hpp>

#include "cli/ucompose/compat_session.hpp"

namespace ucompose::compat {

// Adds the subcommands to `app`; each sets `code` to its exit code.
void add_inspect_commands(CLI::App& app, CompatGlobals& g, int& code);

}  // namespace ucompose::compat
