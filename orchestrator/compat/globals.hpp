// podman-compose's global options (before the subcommand), what they hold, and the engine
// session they open for compat mode's commands.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/compat/verb_spec.hpp"
#include "orchestrator/engine/session.hpp"

namespace ucompose::compat {

struct CompatGlobals {
    std::vector<std::string> files;
    std::string project_name;
    std::string podman_path = "podman";
    std::vector<std::string> podman_args;
    std::map<std::string, std::vector<std::string>> verb_args;  // verb -> raw values
    std::vector<std::string> env_files;
    std::vector<std::string> profiles;
    bool no_ansi = false;
    bool dry_run = false;
    bool verbose = false;   // --verbose
    bool no_hosts = false;  // up --no-hosts: every `podman create` gets --no-hosts
    std::optional<std::string> parallel;  // --parallel (podman-compose's default: COMPOSE_PARALLEL_LIMIT)
};

// The podman verbs with a --podman-<verb>-args option.
extern const char* const kVerbsWithArgs[9];

// podman-compose's global options, one entry each (-v/--version is CLI11's version flag).
const std::vector<FlagSpec>& global_flags();

// The globals a command line gave (ParsedArgs of global_flags()).
CompatGlobals globals_from(const ParsedArgs& args);

// The project of the global options (services: those named, with their dependencies unless
// with_deps is false), its client configured by --podman-path, --podman-args and the per-verb args.
SessionOptions compat_session_options(const CompatGlobals& g, const std::vector<std::string>& services,
                                      bool with_deps = true);
Session open_compat_session(const CompatGlobals& g, const std::vector<std::string>& services, bool with_deps = true);

}  // namespace ucompose::compat
