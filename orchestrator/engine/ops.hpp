// Small podman operations shared by the commands: observing the project, resolving a service's
// container spec, and checked runs that name the service in their error.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "orchestrator/engine/observed.hpp"
#include "orchestrator/engine/session.hpp"
#include "orchestrator/podman/container_args.hpp"

namespace ucompose {

// podman ps -a of the project's containers (by io.podman.compose.project label).
Task<std::vector<ObservedContainer>> observe_containers(PodmanClient& client, const Project& project);
Task<std::vector<ObservedImage>> list_images(PodmanClient& client);
Task<std::set<std::string>> list_networks(PodmanClient& client);
Task<std::set<std::string>> list_volumes(PodmanClient& client);

// Runs the command; on failure throws Error("<what>: <podman's message>").
Task<PodmanResult> run_checked(PodmanClient& client, PodmanCommand command, const std::string& what);

// Whether the service runs under ucrun: x-ucompose.unikernel, an image labelled
// io.ucrun.unikernel.kind, or the tracker image (the default tag, or an image labelled
// io.ucrun.tracker.hash) with SERVICE_NAME (the seed's form).
bool is_unikernel(const Service& service, const ObservedImage* image);

// The create/run spec of container `number` of `service`.
ContainerSpec container_spec(const Project& project, const Service& service, int number, const std::string& hash,
                             const ObservedImage* image);

// docker compose's rule for a command given service names: each must be in the project
// (Project::service's "no such service: X" otherwise).
void require_services(const Project& project, const std::vector<std::string>& names);

// The project's containers of `services` (all when empty), sorted by service then number.
std::vector<ObservedContainer> select_containers(const std::vector<ObservedContainer>& all,
                                                 const std::vector<std::string>& services, bool include_oneoff);

// `services` plus, transitively, every service whose depends_on entry on one of them says
// `restart: true` (docker compose restarts those with their dependency). Sorted.
std::vector<std::string> with_restart_dependents(const Project& project, const std::vector<std::string>& services);

// Start levels restricted to `services`, for ordered start (forward) or stop (reversed).
std::vector<std::vector<std::string>> levels_of(const Project& project, const std::vector<std::string>& services);

// docker compose's words about containers of services no longer in the file, after "Found "
// (up) or "found " (down): "orphan containers (a, b) for this project. If you removed ...".
std::string orphan_containers_advice(const std::vector<std::string>& names);

// A failed `podman network rm` because containers still use the network ("... has associated
// containers with it ...: network is being used").
bool network_in_use(const PodmanResult& result);

}  // namespace ucompose
