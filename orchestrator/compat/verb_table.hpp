// Compat mode's verb table: one entry per podman-compose subcommand we accept, with its help,
// its flags and positionals (verb_spec.hpp: what each does here) and the handler that runs it
// on the engine. cli/ucompose/compat.cpp builds the command line from it; a subcommand or flag
// not in it is refused by CLI11 with its usual one-line error.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "orchestrator/compat/globals.hpp"
#include "orchestrator/compat/verb_spec.hpp"

namespace ucompose::compat {

// What a handler gets besides its own command line: the globals, and the program's usage text
// (for `help`).
struct CompatContext {
    CompatGlobals globals;
    std::function<std::string()> usage;
};
// Runs the verb; returns its exit code.
using Handler = int (*)(const ParsedArgs& args, const CompatContext& context);

struct VerbSpec {
    std::string name;
    std::string help;
    std::vector<FlagSpec> flags;
    std::vector<PositionalSpec> positionals;
    bool rest_is_command = false;  // run, exec: the words after the flags are SERVICE COMMAND..., as given
    Handler handler = nullptr;
};

const std::vector<VerbSpec>& verb_table();
// The entry named `name`, or nullptr.
const VerbSpec* find_verb(const std::string& name);

}  // namespace ucompose::compat
