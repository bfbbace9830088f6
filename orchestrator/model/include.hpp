// The top-level `include:` of the compose spec: its entries, and the import of an included
// model's resources into the including document (a name defined on both sides is an error).
#pragma once
#include <string>
#include <vector>

#include "orchestrator/model/value.hpp"

namespace ucompose {

struct IncludeEntry {
    std::vector<std::string> paths;        // as written (merged like -f files)
    std::string project_directory;         // as written, "" = the first path's directory
    std::vector<std::string> env_files;    // as written, [] = <project_directory>/.env if present
    Position where;
};

// Reads `include:` (a list of paths or of {path, project_directory, env_file}). Throws Error.
std::vector<IncludeEntry> read_include(const Value& include);

// Moves services, networks, volumes, secrets and configs of `included` (read from `from`) into
// `into`. Throws Error naming both places when a name exists on both sides.
void import_included(Value& into, Value&& included, const std::string& from);

}  // namespace ucompose
