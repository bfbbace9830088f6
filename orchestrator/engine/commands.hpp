// The ucompose commands as library calls: one options struct and one function each.
// They return the process exit code; errors with context are thrown as ucompose::Error.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/engine/exit_policy.hpp"
#include "orchestrator/engine/plan.hpp"
#include "orchestrator/engine/session.hpp"

namespace ucompose {

struct UpOptions {
    std::vector<std::string> services;  // named services (attach to these only); empty = all
    bool detach = false;                // -d
    UpPolicy policy;                    // --build, --no-build, --force-recreate, ...
    bool wait = false;                  // --wait
    std::optional<int> wait_timeout;    // --wait-timeout seconds
    ExitPolicyOptions exit;             // --abort-on-container-exit, --exit-code-from, ...
    std::optional<int> timeout;         // -t: stop timeout (seconds) when recreating/aborting
    bool no_color = false;
    bool no_log_prefix = false;
    bool timestamps = false;
    bool no_attach_logs = false;  // `create`, or --no-start
    std::vector<std::string> attach;     // --attach: only these services' logs (else `services`, else all)
    std::vector<std::string> no_attach;  // --no-attach: never these
};
int up(Session& session, const UpOptions& options);
// Whether attached `up` streams this service's logs (and waits for its containers to exit).
bool attaches_to(const UpOptions& options, const std::string& service);
// --scale SERVICE=NUM (repeatable) over the file's scale/deploy.replicas. Throws Error for a bad
// spec, an unknown service, or a container_name service scaled above 1.
void apply_scale(Project& project, const std::vector<std::string>& specs);

struct DownOptions {
    bool volumes = false;         // -v
    bool remove_orphans = false;
    std::optional<int> timeout;   // -t
    std::string rmi;              // "", "local", "all"
};
int down(Session& session, const DownOptions& options);

struct PsOptions {
    std::vector<std::string> services;
    bool all = false;             // -a
    bool quiet = false;           // -q
    bool services_only = false;   // --services
    std::string format = "table"; // table | json
    std::vector<std::string> status;  // --status filter
};
int ps(Session& session, const PsOptions& options);
// podman-compose's ps: `podman ps -a --filter label=io.podman.compose.project=<project>`, with
// `--format {{.ID}}` for quiet or the caller's --format (a podman Go template, or json), its
// output passed through as podman prints it.
int podman_ps(Session& session, bool quiet, const std::optional<std::string>& format);

struct LogsOptions {
    std::vector<std::string> services;
    bool follow = false;
    std::optional<std::string> tail;
    bool timestamps = false;
    bool no_color = false;
    bool no_log_prefix = false;
    std::optional<std::string> since, until;
};
int logs(Session& session, const LogsOptions& options);

// start / stop / restart / pause / unpause / kill / rm on the services' containers.
enum class Lifecycle { Start, Stop, Restart, Pause, Unpause, Kill, Remove };
struct LifecycleOptions {
    std::vector<std::string> services;
    std::optional<int> timeout;    // -t (stop, restart)
    std::string signal;            // kill -s
    bool force = false;            // rm -f
    bool stop_first = false;       // rm -s
    bool volumes = false;          // rm -v
    bool remove_orphans = false;   // kill --remove-orphans
};
int lifecycle(Session& session, Lifecycle verb, const LifecycleOptions& options);

struct RunOptions {
    std::string service;
    std::vector<std::string> command;
    bool remove = false;               // --rm
    bool no_deps = false;
    bool detach = false;               // -d
    bool no_tty = false;               // -T
    bool interactive = true;           // -i (default on)
    std::vector<std::string> env;      // -e K=V
    std::optional<std::string> entrypoint;
    std::optional<std::string> name;
    std::optional<std::string> user;
    std::optional<std::string> workdir;
    bool service_ports = false;
    std::vector<std::string> publish;  // -p
    std::vector<std::string> labels;   // -l
    std::vector<std::string> volumes;  // -v
};
int run(Session& session, const RunOptions& options);

struct ExecOptions {
    std::string service;
    std::vector<std::string> command;
    int index = 1;
    bool detach = false;
    bool no_tty = false;               // -T
    bool privileged = false;
    std::optional<std::string> user;
    std::optional<std::string> workdir;
    std::vector<std::string> env;
};
int exec(Session& session, const ExecOptions& options);

struct PullOptions {
    std::vector<std::string> services;
    bool ignore_failures = false;
    bool quiet = false;
    bool include_deps = false;
};
int pull(Session& session, const PullOptions& options);

// `cp SERVICE:PATH HOST_PATH` or `cp HOST_PATH SERVICE:PATH`, on container --index of the service.
struct CopyOptions {
    std::string source, destination;
    int index = 1;
    bool archive = false;  // -a: keep uid/gid
};
int copy(Session& session, const CopyOptions& options);
// Pure: which side names the service (a known service before the first ':').
struct CopySides {
    std::string service;
    std::string container_path;
    std::string host_path;
    bool into_container = false;
};
CopySides parse_copy_sides(const std::string& source, const std::string& destination,
                           const std::function<bool(const std::string&)>& is_service);

// `attach SERVICE`: this terminal to the service's container (podman attach).
struct AttachOptions {
    std::string service;
    int index = 1;
    bool no_stdin = false;
    bool sig_proxy = true;
    std::optional<std::string> detach_keys;
};
int attach(Session& session, const AttachOptions& options);

// `wait`: until the services' containers stop; the exit code of the last one (with
// --down-project: of the first one, and then the project goes down).
struct WaitOptions {
    std::vector<std::string> services;
    bool down_project = false;
};
int wait(Session& session, const WaitOptions& options);

// `stats`: podman stats of the services' running containers (all with --all).
struct StatsOptions {
    std::vector<std::string> services;
    bool all = false;
    bool no_stream = false;
    bool no_trunc = false;
    std::optional<std::string> format;
};
int stats(Session& session, const StatsOptions& options);

// `build`: every selected service with a `build:` section, in parallel, tagged with its image name.
struct BuildOptions {
    std::vector<std::string> services;
    std::vector<std::string> build_args;  // --build-arg K=V (or K) over the file's
    bool no_cache = false;
    bool pull = false;                    // --pull: always pull the base images
    bool quiet = false;
};
int build(Session& session, const BuildOptions& options);

// `push`: the images of selected services that are built and name an `image:`.
struct PushOptions {
    std::vector<std::string> services;
    bool ignore_failures = false;
    bool quiet = false;
};
int push(Session& session, const PushOptions& options);

struct ImagesOptions {
    std::vector<std::string> services;
    bool quiet = false;
    std::string format = "table";
};
int images(Session& session, const ImagesOptions& options);

int top(Session& session, const std::vector<std::string>& services);

struct PortOptions {
    std::string service;
    std::string private_port;  // "80" or "80/tcp"
    std::string protocol = "tcp";
    int index = 1;
};
int port(Session& session, const PortOptions& options);

struct EventsOptions {
    std::vector<std::string> services;
    bool json = false;
};
int events(Session& session, const EventsOptions& options);

}  // namespace ucompose
