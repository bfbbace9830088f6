// Options shared by every ucompose subcommand (docker compose's global flags).
#pragma once
#include <optional>
#include <string>
#include <vector>

struct GlobalOptions {
    std::vector<std::string> files;          // -f, repeatable
    std::string project_name;                // -p
    std::string project_directory;           // --project-directory
    std::vector<std::string> env_files;      // --env-file
    std::vector<std::string> profiles;       // --profile
    std::string podman_path = "podman";      // --podman-path
    bool dry_run = false;                    // --dry-run
    bool no_ansi = false;                    // --no-ansi / --ansi never
    bool verbose = false;                    // --verbose
    std::optional<std::string> parallel;     // --parallel (as given; checked with COMPOSE_PARALLEL_LIMIT)
    int parallel_limit = -1;                 // the checked limit (-1: unlimited), set once parsed
    int exit_code = 0;                       // set by the subcommand's callback, returned by main
};
