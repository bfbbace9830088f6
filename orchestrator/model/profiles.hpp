// Profiles and service selection: which services of the project are enabled.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "orchestrator/model/model.hpp"

namespace ucompose {

struct Selection {
    std::vector<std::string> profiles;  // --profile + COMPOSE_PROFILES; "*" = all
    std::vector<std::string> services;  // named on the command line
    bool with_dependencies = true;
};

// COMPOSE_PROFILES' value as profile names: split at commas, blanks around each name dropped
// ("a, b" is a and b, as podman-compose reads it), empty items skipped.
std::vector<std::string> split_profiles_var(const std::string& value);

// Moves the services that are not enabled into project.disabled_services.
// Enabled: a service without profiles or with an active profile; when services are
// named, exactly those (whatever their profiles) plus their dependencies. Dependencies
// of enabled services are pulled in. Non-required dependencies on services that are
// not enabled are dropped with a warning. Throws Error for an unknown service or profile.
void apply_selection(Project& project, const Selection& selection,
                     const std::function<void(const std::string&)>& warn);

}  // namespace ucompose
