// ucrun's command line: runc's global flags, then one verb of verb_table.hpp. Parsing only: the
// caller runs the verb it names.
#pragma once
#include <optional>
#include <string>

#include "cli/ucrun/verb_table.hpp"
#include "runtime/oci/options.hpp"

namespace ucrun_cli {

struct ParsedCommand {
    // Set when the command line was answered by parsing alone: --help, --version and the
    // completion verb (printed, 0), or an error (`error` holds its one line, 1).
    std::optional<int> exit_code;
    std::string error;
    const Verb* verb = nullptr;
    Request request;
};

// Fills `g` with the global flags and returns the verb and its request.
ParsedCommand parse_command_line(int argc, char** argv, ucrun::GlobalOptions& g);

}  // namespace ucrun_cli
