// The typed compose model: what a compose project means once it has been loaded,
// interpolated, merged, extended and filtered by profiles (see loader.hpp).
// Everything downstream (graph, plan, engine, podman argv) works on these types only.
//
// Conventions:
//  - std::optional = "not set in the file" (the engine applies its own default).
//  - Maps are std::map, so iteration is sorted and deterministic.
//  - Relative paths are already absolute (resolved against the project directory, or
//    against the extended file's directory for services reached through extends.file).
//  - Durations are std::chrono::nanoseconds; byte sizes are int64 bytes.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orchestrator/model/error.hpp"

namespace ucompose {

using Duration = std::chrono::nanoseconds;
// x-* extension values, kept as data (they are never interpreted by ucompose,
// except x-ucompose which is typed below).
using Extensions = std::map<std::string, nlohmann::json>;

struct BuildConfig {
    std::string context;                                    // absolute path, or a URL
    std::optional<std::string> dockerfile;                  // relative to context, as written
    std::optional<std::string> dockerfile_inline;
    std::map<std::string, std::optional<std::string>> args; // nullopt: bare key, no value
    std::optional<std::string> target;
    std::map<std::string, std::string> labels;
    std::vector<std::string> cache_from;
    std::optional<std::string> network;
    std::optional<std::string> shm_size;
    std::vector<std::string> tags;
    bool no_cache = false;
    bool pull = false;
};

enum class DependCondition { Started, Healthy, CompletedSuccessfully };
// "service_started", "service_healthy", "service_completed_successfully"
const char* to_string(DependCondition c);

struct DependsOn {
    DependCondition condition = DependCondition::Started;
    bool required = true;   // false: a missing/disabled/failed dependency is only a warning
    bool restart = false;   // restart this service when the dependency is restarted
    Position where;         // the depends_on entry, for error messages
};

struct Healthcheck {
    // Normalised: {"CMD", arg...}, {"CMD-SHELL", "cmd"} or {"NONE"}. Empty: inherit the image's.
    std::vector<std::string> test;
    std::optional<Duration> interval;        // default 30s
    std::optional<Duration> timeout;         // default 30s
    std::optional<int> retries;              // default 3
    std::optional<Duration> start_period;    // default 0
    std::optional<Duration> start_interval;  // default 5s
    bool disable = false;                    // also true when test is {"NONE"}
};

struct Port {
    uint16_t target = 0;                   // container port
    std::optional<std::string> published;  // host port or range "8000-8010"; nullopt: random
    std::optional<std::string> host_ip;
    std::string protocol = "tcp";          // tcp | udp | sctp
    std::string mode = "ingress";          // ingress | host
    std::optional<std::string> name;
    std::optional<std::string> app_protocol;
};

enum class MountType { Volume, Bind, Tmpfs, Npipe, Cluster };
const char* to_string(MountType t);  // "volume", "bind", ...

struct VolumeMount {
    MountType type = MountType::Volume;
    std::optional<std::string> source;  // volume name (top-level key) or absolute host path;
                                        // nullopt for an anonymous volume or tmpfs
    std::string target;                 // path in the container
    bool read_only = false;
    std::optional<std::string> consistency;
    // type: bind
    bool bind_create_host_path = true;
    std::optional<std::string> bind_propagation;  // rprivate, shared, ...
    std::optional<std::string> bind_selinux;      // "z" or "Z"
    // type: volume
    bool volume_nocopy = false;
    std::optional<std::string> volume_subpath;
    // type: tmpfs
    std::optional<int64_t> tmpfs_size;  // bytes
    std::optional<uint32_t> tmpfs_mode; // e.g. 01777
};

struct NetworkAttachment {
    std::vector<std::string> aliases;
    std::optional<std::string> ipv4_address;
    std::optional<std::string> ipv6_address;
    std::optional<std::string> mac_address;
    std::optional<int> priority;
};

struct Logging {
    std::optional<std::string> driver;
    std::map<std::string, std::string> options;
};

struct Ulimit {
    std::optional<int64_t> single;  // "nofile: 1024"
    std::optional<int64_t> soft;    // "nofile: {soft, hard}"
    std::optional<int64_t> hard;
};

struct ResourceSpec {
    std::optional<double> cpus;
    std::optional<int64_t> memory;  // bytes
    std::optional<int64_t> pids;
};

struct Deploy {
    std::optional<int> replicas;
    ResourceSpec limits;
    ResourceSpec reservations;
    std::optional<std::string> restart_policy_condition;  // none | on-failure | any
    std::optional<int> restart_policy_max_attempts;
    std::map<std::string, std::string> labels;
};

struct EnvFile {
    std::string path;      // absolute
    bool required = true;  // false: a missing file is skipped
    std::optional<std::string> format;
};

// ucompose's own service extension, written as
//   x-ucompose:
//     unikernel: redis-server     # name in the unikernel registry (runs with --runtime ucrun)
//     probe_tcp: 6379             # ready when this port accepts TCP, checked from the host
//     probe_http: "8080/healthz"  # ready when GET http://<ip>:8080/healthz answers 2xx/3xx
// A probe is used where exec-based healthchecks cannot run (unikernels); its timing
// (interval, timeout, retries, start_period) is the service's healthcheck timing.
struct HttpProbe {
    uint16_t port = 0;
    std::string path = "/";
};

struct UcomposeExt {
    std::optional<std::string> unikernel;  // registry name
    std::optional<uint16_t> probe_tcp;     // port
    std::optional<HttpProbe> probe_http;   // port + path
    std::optional<std::string> runtime;    // override of the OCI runtime (default "ucrun")

    bool has_probe() const { return probe_tcp.has_value() || probe_http.has_value(); }
};

// A top-level secret or config, as it runs on one host (no swarm): a file, bind-mounted
// read-only, or (secrets) an existing podman secret. `environment:`/`content:` are refused at load.
struct FileObjectDef {
    std::optional<std::string> file;  // absolute
    bool external = false;
    std::string name;  // external: podman's secret name (`name:`, else the key)
};

// A service's use of a secret or config (short form: just the source).
struct FileObjectRef {
    std::string source;
    std::optional<std::string> target;
    std::optional<std::string> uid, gid;
    std::optional<int> mode;
    // podman's secret type (podman-compose's extension): "mount" (a file, the default) or "env"
    // (an environment variable named by target; external secrets only).
    std::optional<std::string> type;
    Position where;
};

struct Service {
    std::string name;  // the key under services:

    std::optional<std::string> image;
    std::optional<BuildConfig> build;
    std::optional<std::vector<std::string>> command;     // string form is shell-split
    std::optional<std::vector<std::string>> entrypoint;  // empty vector = reset to none
    // Final environment: env_file values overridden by `environment`. nullopt: a bare
    // KEY that is not set anywhere (podman receives nothing for it).
    std::map<std::string, std::optional<std::string>> environment;
    std::vector<EnvFile> env_file;
    std::map<std::string, DependsOn> depends_on;
    std::optional<Healthcheck> healthcheck;
    std::vector<Port> ports;
    std::vector<std::string> expose;
    std::vector<VolumeMount> volumes;
    std::vector<std::string> volumes_from;
    // Networks to join (key = top-level network key). Empty with no network_mode: "default".
    std::map<std::string, NetworkAttachment> networks;
    std::optional<std::string> network_mode;  // host | none | bridge | service:x | container:x
    std::optional<std::string> restart;       // no | always | on-failure[:n] | unless-stopped
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> annotations;
    std::optional<std::string> container_name;
    std::optional<std::string> hostname;
    std::optional<std::string> domainname;
    std::optional<bool> init;
    std::optional<std::string> user;
    std::optional<std::string> working_dir;
    std::optional<int64_t> mem_limit;        // bytes
    std::optional<int64_t> mem_reservation;  // bytes
    std::optional<int64_t> memswap_limit;    // bytes (-1 = unlimited)
    std::optional<double> cpus;
    std::optional<int64_t> pids_limit;
    std::optional<int64_t> shm_size;  // bytes
    std::optional<Deploy> deploy;
    std::optional<std::string> stop_signal;
    std::optional<Duration> stop_grace_period;
    std::optional<std::string> runtime;
    std::optional<std::string> platform;
    std::vector<std::string> cap_add;
    std::vector<std::string> cap_drop;
    std::vector<std::string> devices;
    std::vector<std::string> tmpfs;
    bool read_only = false;
    bool privileged = false;
    bool tty = false;
    bool stdin_open = false;
    std::vector<std::string> extra_hosts;  // "host:ip"
    std::vector<std::string> dns;
    std::vector<std::string> dns_search;
    std::vector<std::string> dns_opt;
    std::vector<std::string> security_opt;
    std::vector<std::string> group_add;
    std::vector<std::string> links;
    std::map<std::string, std::string> sysctls;
    std::map<std::string, Ulimit> ulimits;
    std::optional<std::string> pid;
    std::optional<std::string> ipc;
    std::optional<Logging> logging;
    std::optional<int> scale;
    std::optional<std::string> pull_policy;  // always | never | missing | build | ...
    std::vector<std::string> profiles;

    std::optional<UcomposeExt> ucompose;  // x-ucompose
    std::vector<FileObjectRef> secrets;
    std::vector<FileObjectRef> configs;
    // Keys of passthrough_keys() (cpu_shares, userns_mode, ...): their values as text, one per
    // podman flag (a Map's as KEY=VALUE; a Bool only when true, as "true").
    std::map<std::string, std::vector<std::string>> passthrough;
    Extensions extensions;                // other x-* keys

    // Where each top-level key of this service was written (after merge: the file that
    // set it last), for error messages. position_of("") is the service key itself.
    std::map<std::string, Position> key_positions;
    Position position_of(const std::string& key) const;

    // The number of containers to run: scale, else deploy.replicas, else 1.
    int replicas() const;
};

struct IpamPool {
    std::optional<std::string> subnet;
    std::optional<std::string> gateway;
    std::optional<std::string> ip_range;
};

struct NetworkDef {
    std::string name;  // the real network name: `name:`, else "<project>_<key>"
    std::optional<std::string> driver;
    std::map<std::string, std::string> driver_opts;
    bool external = false;
    bool internal = false;
    bool enable_ipv6 = false;
    std::optional<std::string> ipam_driver;
    std::vector<IpamPool> ipam_config;
    std::map<std::string, std::string> labels;
    Extensions extensions;
};

struct VolumeDef {
    std::string name;  // the real volume name: `name:`, else "<project>_<key>"
    std::optional<std::string> driver;
    std::map<std::string, std::string> driver_opts;
    bool external = false;
    std::map<std::string, std::string> labels;
    Extensions extensions;
};

struct Project {
    std::string name;                       // normalised to [a-z0-9_-]
    std::string working_dir;                // absolute project directory
    std::vector<std::string> config_files;  // absolute paths ("-" for stdin), in -f order
    std::map<std::string, Service> services;        // enabled services only
    std::map<std::string, Service> disabled_services;  // filtered out by profiles
    std::map<std::string, NetworkDef> networks;     // includes "default" when used
    std::map<std::string, VolumeDef> volumes;
    std::map<std::string, FileObjectDef> secrets;
    std::map<std::string, FileObjectDef> configs;
    Extensions extensions;                  // top-level x-*
    std::vector<std::string> active_profiles;  // sorted

    // The interpolation environment after .env and shell merge (shell wins).
    std::map<std::string, std::string> environment;

    const Service& service(const std::string& name) const;  // throws Error if unknown
    std::vector<std::string> service_names() const;         // sorted
    // Every profile named by any service (enabled or not), sorted, unique.
    std::vector<std::string> all_profiles() const;
};

}  // namespace ucompose
