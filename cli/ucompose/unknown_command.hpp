// `ucompose frobnicate`: name the unknown command (CLI11 would say "A subcommand is required").
#pragma once
#include <CLI/CLI.hpp>

// Throws sys::Error `unknown command "W" for "PROG"` when the first word of argv that is not an
// option names none of `app`'s subcommands.
void check_command_word(CLI::App& app, int argc, char** argv, const std::string& prog);
