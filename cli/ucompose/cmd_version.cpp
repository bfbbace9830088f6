#include <iostream>

#include "cli/ucompose/commands.hpp"
#include "git_revision.hpp"  // generated at build time (cmake/git_revision.cmake)
#include "orchestrator/version.hpp"

namespace {
std::string text() { return ucompose::version_text("ucompose", UCOMPOSE_VERSION, UCOMPOSE_GIT_REVISION); }
}  // namespace

// `ucompose version` and `ucompose --version` print the same two lines; the first one is
// unchanged from earlier releases ("ucompose version X.Y.Z").
void add_version_command(CLI::App& app, GlobalOptions&) {
    std::string t = text();
    t.pop_back();  // CLI11 adds the final newline of --version itself
    app.set_version_flag("--version", t);
    auto* cmd = app.add_subcommand("version", "Show the ucompose version");
    cmd->callback([] { std::cout << text(); });
}
