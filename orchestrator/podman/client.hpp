// The seam to Podman. The engine only talks to this interface, so that unit tests record
// the commands (RecordingPodmanClient), --dry-run prints them (DryRunPodmanClient), and the
// real client runs many of them at once on the Asio loop (RealPodmanClient).
#pragma once
#include <memory>
#include <string>

#include "orchestrator/podman/async_process.hpp"
#include "orchestrator/podman/command.hpp"

namespace ucompose {

struct PodmanResult {
    int exit_code = 0;
    std::string out;
    std::string err;

    bool ok() const { return exit_code == 0; }
    // podman's own message: the last non-empty stderr line, without "Error: ".
    std::string message() const;
};

class PodmanClient {
public:
    virtual ~PodmanClient() = default;
    // Runs the command and captures its output.
    virtual Task<PodmanResult> run(PodmanCommand command) = 0;
    // Runs the command, passing each output line to the sinks as it arrives. Returns the exit code.
    virtual Task<int> stream(PodmanCommand command, LineSink out, LineSink err) = 0;
    // Runs the command with this process's stdin/stdout/stderr (exec -it, run), blocking.
    virtual int foreground(PodmanCommand command) = 0;
    // Ends every running stream() (e.g. `logs -f`) with SIGTERM.
    virtual void stop_streams() {}
    // True when commands are printed instead of run (the engine then does not wait on state).
    virtual bool dry_run() const { return false; }
    virtual const PodmanConfig& config() const = 0;
};

std::unique_ptr<PodmanClient> make_real_podman_client(PodmanConfig config);
// Prints each command to `out` (default stdout) as "podman ..." and runs nothing.
std::unique_ptr<PodmanClient> make_dry_run_podman_client(PodmanConfig config);
// The dry-run client when `dry_run`, else the real one.
std::unique_ptr<PodmanClient> make_podman_client(PodmanConfig config, bool dry_run);

}  // namespace ucompose
