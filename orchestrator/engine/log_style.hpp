// Which log prefixes a command prints: docker compose's `web-1  | `, or podman-compose's
// `[web_1] |` in compat mode (docs/compat.md, "Log lines").
#pragma once
#include <map>
#include <string>

#include "orchestrator/engine/output.hpp"
#include "orchestrator/engine/session.hpp"

namespace ucompose {

// The style of a command given its --no-color and --no-log-prefix.
LogStyle log_style(const Session& session, bool no_color, bool no_log_prefix);

// podman-compose's colour of each service: the services in name order, stable-sorted by how many
// services they depend on, numbered from 0.
std::map<std::string, int> podman_compose_colors(const Project& project);

// The label podman-compose's `logs` prints for a container: its container_name, else
// <service>_<number>.
std::string podman_compose_label(const Service& service, int number);

}  // namespace ucompose
