// `ucompose completion bash`: prints a bash completion script made from ucompose's own command
// table (every subcommand added before parsing). Hidden from --help; the build runs it to make
// share/bash-completion/completions/ucompose (docs/packaging.md).
#include <iostream>

#include "cli/completion/from_cli11.hpp"
#include "cli/ucompose/commands.hpp"

void add_completion_command(CLI::App& app, GlobalOptions&) {
    auto* cmd = app.add_subcommand("completion", "Print a shell completion script");
    cmd->group("");  // hidden
    auto shell = std::make_shared<std::string>();
    cmd->add_option("shell", *shell, "Shell (bash)")->required()->check(CLI::IsMember({"bash"}));
    cmd->callback([&app, shell] { std::cout << completion::bash_script("ucompose", completion::from_cli11(app)); });
}
