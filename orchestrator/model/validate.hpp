// Cross-service checks on the enabled services, after profiles are applied.
#pragma once
#include "orchestrator/model/model.hpp"

namespace ucompose {

// Throws Error (with the position of the offending key) for a duplicate container_name,
// a container_name with more than one replica, a reference to an undefined network or
// volume, or a network_mode "service:x" naming an unknown service. Also runs
// check_dependencies (unknown dependency, cycles).
void validate_project(const Project& project);

}  // namespace ucompose
