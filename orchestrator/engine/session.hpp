// Everything a command needs: the loaded project, the podman client and how to print.
// Built once by the CLI from its global options; the engine takes it explicitly.
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "orchestrator/engine/clock.hpp"
#include "orchestrator/engine/unikernels.hpp"
#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/model.hpp"
#include "orchestrator/podman/client.hpp"

namespace ucompose {

struct SessionOptions {
    std::vector<std::string> files;
    std::string project_name;
    std::string project_directory;
    std::vector<std::string> env_files;
    std::vector<std::string> profiles;
    // Services named on the command line: enabled even if their profile is not, with their
    // dependencies unless with_dependencies is false. Empty: the whole project.
    std::vector<std::string> services;
    bool with_dependencies = true;
    PodmanConfig podman;
    bool dry_run = false;
    bool ansi = true;  // false: --no-ansi
    bool verbose = false;
    // Compat mode: podman-compose's log lines (orchestrator/engine/log_style.hpp), exit codes
    // (podman's own, where podman-compose passes them on) and push rule (docs/compat.md).
    bool podman_compose = false;
    // --parallel / COMPOSE_PARALLEL_LIMIT: at most this many podman commands at once (-1: no
    // limit). Only run() is limited, not logs -f / wait streams nor foreground commands.
    int parallel = -1;
};

struct Session {
    Project project;
    std::unique_ptr<PodmanClient> client;
    bool color = false;  // colours in logs (stdout is a tty and ansi)
    bool live = false;   // live progress (stderr is a tty and ansi)
    bool ansi = true;    // false: --no-ansi (or --dry-run)
    bool podman_compose = false;
    bool verbose = false;
    EngineClock* clock = &real_clock();   // health-check intervals (tests inject a ManualClock)
    // Registry names `up` fetches before creating (null: none are fetched; ucrun still pulls on
    // demand). open_session sets the registries of ucrun's config.
    std::shared_ptr<UnikernelSource> unikernels;
    // The OCI runtime names `up` and `run` accept from the project (podman/runtimes.hpp):
    // open_session reads them from containers.conf; nullopt: podman's built-in names and ucrun.
    std::optional<std::set<std::string>> runtimes;
};

// Throws Error, before anything runs, when a service names a runtime not in session.runtimes.
void check_project_runtimes(const Session& session);

// What load_project() needs from the session's options: the shell environment, warnings to spdlog.
LoadOptions load_options(const SessionOptions& options);

// Loads the project (warnings go to spdlog) and makes the client (behind a LimitedPodmanClient
// when options.parallel > 0).
Session open_session(const SessionOptions& options);
// A session around an already loaded project and a given client (tests, compat mode).
Session make_session(Project project, std::unique_ptr<PodmanClient> client);

}  // namespace ucompose
