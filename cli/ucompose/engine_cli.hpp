// Shared by the engine's cmd_*.cpp files: GlobalOptions -> a ucompose Session, and the exit code.
#pragma once
#include <iostream>
#include <string>
#include <vector>

#include "cli/ucompose/global_options.hpp"
#include "orchestrator/engine/session.hpp"

inline ucompose::SessionOptions session_options(const GlobalOptions& g, const std::vector<std::string>& services = {},
                                                bool with_dependencies = true) {
    ucompose::SessionOptions o;
    o.files = g.files;
    o.project_name = g.project_name;
    o.project_directory = g.project_directory;
    o.env_files = g.env_files;
    o.profiles = g.profiles;
    o.services = services;
    o.with_dependencies = with_dependencies;
    o.podman.path = g.podman_path;
    o.dry_run = g.dry_run;
    o.ansi = !g.no_ansi;
    o.verbose = g.verbose;
    o.parallel = g.parallel_limit;
    return o;
}

inline ucompose::Session open_engine_session(const GlobalOptions& g, const std::vector<std::string>& services = {},
                                             bool with_dependencies = true) {
    return ucompose::open_session(session_options(g, services, with_dependencies));
}
