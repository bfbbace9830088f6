// The podman argv for a service's container (`podman create` and `podman run`): pure, from
// the typed model plus what the engine resolved (name, labels, image, runtime, networks).
// Golden-tested as data in tests/unit/orchestrator/podman/test_container_args.cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/model/model.hpp"
#include "runtime/sys/process.hpp"

namespace ucompose {

struct ContainerSpec {
    std::string name;                            // --name
    std::map<std::string, std::string> labels;   // the engine's labels (merged over service labels)
    std::string image;                           // image reference to run
    std::optional<std::string> runtime;          // --runtime (ucrun for unikernels)
    std::optional<std::string> pull;             // --pull=<policy> (never, always, missing, newer)
    // Real network names keyed by the service's network keys (project.networks[key].name).
    std::map<std::string, std::string> networks;
    // network_mode after resolving service:<x> to container:<x's container name>.
    std::optional<std::string> network_mode;
    std::vector<std::string> volumes_from;       // resolved container names (service:x -> name)
    // Real volume names keyed by top-level volume keys (project.volumes[key].name).
    std::map<std::string, std::string> volumes;
    // secrets and configs (file_object_args): -v HOST:TARGET:ro and --secret values.
    std::vector<std::string> file_binds;
    std::vector<std::string> secrets;

    // `run` only:
    bool remove = false;                          // --rm
    bool detach = false;                          // -d
    std::optional<bool> tty;                      // -t (overrides service.tty)
    std::optional<bool> interactive;              // -i (overrides service.stdin_open)
    std::map<std::string, std::string> extra_env; // -e on the command line
    std::optional<std::vector<std::string>> entrypoint;  // --entrypoint override
    std::optional<std::vector<std::string>> command;     // command override
    std::optional<std::string> user;
    std::optional<std::string> workdir;
    bool publish_ports = true;                    // false for `run` without --service-ports
    bool service_alias = true;                    // network alias = service name
    sys::Argv extra_args;                         // inserted before the image (run -v/-p/-l)
};

// A service's secrets and configs as podman args, as docker compose runs them without swarm:
// a file secret is bind-mounted read-only at /run/secrets/<target or source> (an absolute target
// as written), a file config at <target> or /<source>; an external secret is podman's own
// (`--secret NAME,type=mount,target=T[,uid,gid,mode]`). uid/gid/mode apply to external secrets.
struct FileObjectArgs {
    std::vector<std::string> binds;
    std::vector<std::string> secrets;
};
FileObjectArgs file_object_args(const Project& project, const Service& service);

// Go duration text podman accepts: "1m30s" -> "90s", 1.5 s -> "1500ms".
std::string go_duration(Duration d);

// The args after the verb (`create` or `run`), ending with image and command.
sys::Argv container_args(const Service& service, const ContainerSpec& spec);

// The `podman network create` args for a project network (ends with the real name).
sys::Argv network_create_args(const NetworkDef& network, const std::map<std::string, std::string>& labels);
// The `podman volume create` args for a project volume (ends with the real name).
sys::Argv volume_create_args(const VolumeDef& volume, const std::map<std::string, std::string>& labels);
// The `podman build` args for a service's build section (ends with the context).
sys::Argv build_args(const BuildConfig& build, const std::string& tag, bool no_cache, bool pull);

}  // namespace ucompose
