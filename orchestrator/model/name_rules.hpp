// The compose spec's name patterns, checked where a name comes in (a name becomes part of
// container, network and volume names, so "../../etc" stops at load).
#pragma once
#include <string>

namespace ucompose {

// Keys under services:, networks:, volumes:, secrets:, configs:  [a-zA-Z0-9._-]+
bool is_compose_key_name(const std::string& name);
// container_name (podman's rule too):  [a-zA-Z0-9][a-zA-Z0-9_.-]+
bool is_container_name(const std::string& name);
// An OCI runtime's name (`runtime:`, `x-ucompose.runtime`), never a path (podman would run a
// path as root): [a-zA-Z0-9][a-zA-Z0-9_.+-]{0,63}. Whether podman knows the name is
// orchestrator/podman/runtimes.hpp's question, at `up` and `run`.
bool is_runtime_name(const std::string& name);

}  // namespace ucompose
