// The one entry point that turns compose files into a typed Project, as docker compose
// would: discovery, .env, interpolation, multi-file merge, extends, profiles, validation.
// Everything from outside (cwd, shell environment, stdin) comes in through LoadOptions.
#pragma once
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "orchestrator/model/model.hpp"

namespace ucompose {

// Receives each warning once, already formatted ("file:line:col: message" when known).
using WarningSink = std::function<void(const std::string&)>;

struct LoadOptions {
    std::vector<std::string> files;         // -f, in order; "-" reads `stdin_input`
    std::string project_name;               // -p ("" = derive)
    std::string project_directory;          // --project-directory ("" = first file's dir)
    std::vector<std::string> env_files;     // --env-file ("" = <project dir>/.env if present)
    std::vector<std::string> profiles;      // --profile
    std::vector<std::string> services;      // services named on the command line
    std::string working_dir;                // the caller's cwd (absolute; "" = getcwd())
    std::map<std::string, std::string> environment;  // the shell environment
    std::istream* stdin_input = nullptr;    // for "-f -"
    WarningSink warn;                       // nullptr = drop warnings
    // Services named in `services` pull in their dependencies (false = --no-deps).
    bool with_dependencies = true;
};

// Loads, validates and returns the project. Throws ucompose::Error with the source
// position on any bad input.
Project load_project(const LoadOptions& options);

// The shell environment of this process as a map (for cli/ only).
std::map<std::string, std::string> process_environment();

}  // namespace ucompose
