// ucrun's hidden `completion bash` verb: a bash completion script made from ucrun's own verb table.
#pragma once
#include <CLI/CLI.hpp>

namespace ucrun_cli {
// Adds the hidden verb; call after every other verb is added.
CLI::App* add_completion_verb(CLI::App& app);
// Prints the script for the shell the verb was given; returns the exit code.
int print_completion(const CLI::App& app);
}  // namespace ucrun_cli
