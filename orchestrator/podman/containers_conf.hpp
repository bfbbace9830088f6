// Reading podman's containers.conf as podman layers it: the file list and the overlaid tables.
// The edge for the doctor's facts and for the runtimes `up` may name (podman/runtimes.hpp).
#pragma once
#include <string>
#include <vector>

#include "orchestrator/doctor/toml_lines.hpp"

namespace ucompose {

// /usr/share/containers/containers.conf, /etc/containers/containers.conf, the *.conf of
// /etc/containers/containers.conf.d (sorted); for a user other than root also
// $XDG_CONFIG_HOME (else ~/.config)/containers/containers.conf and its containers.conf.d; last
// $CONTAINERS_CONF when set. Files that do not exist are listed too (read_containers_conf skips them).
std::vector<std::string> containers_conf_files();

// The files of containers_conf_files() that exist, overlaid in order (later keys win).
// `read`, when given, receives the paths that were read.
doctor::TomlTables read_containers_conf(std::vector<std::string>* read = nullptr);

}  // namespace ucompose
