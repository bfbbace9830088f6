// What podman-compose's global options hold, and the engine session they open (compat mode's
// commands share them: cli/ucompose/compat.cpp, compat_commands.cpp).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

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
    std::string in_pod;
    bool no_ansi = false;
    bool no_cleanup = false;
    bool dry_run = false;
    bool verbose = false;   // --verbose
    bool no_hosts = false;  // up --no-hosts: every `podman create` gets --no-hosts
    std::optional<std::string> parallel;  // --parallel (podman-compose's default: COMPOSE_PARALLEL_LIMIT)
};

// The podman verbs with a --podman-<verb>-args option.
extern const char* const kVerbsWithArgs[9];

// The project of the global options (services: those named, with their dependencies unless
// with_deps is false), its client configured by --podman-path, --podman-args and the per-verb args.
SessionOptions compat_session_options(const CompatGlobals& g, const std::vector<std::string>& services,
                                      bool with_deps = true);
Session open_compat_session(const CompatGlobals& g, const std::vector<std::string>& services, bool with_deps = true);

}  // namespace ucompose::compat
