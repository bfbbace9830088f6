// The OCI runtimes a compose file may name (`runtime:`, `x-ucompose.runtime`). A path there
// would be run by podman as root at `up`, so the loader takes only a name (name_rules.hpp) and
// `up`/`run` take only a name podman has registered: its built-in list or an [engine.runtimes]
// key of containers.conf (docs/security.md). podman resolves the name to its binary itself.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "orchestrator/doctor/toml_lines.hpp"
#include "orchestrator/model/model.hpp"

namespace ucompose {

// The names podman resolves with no configuration (containers/common's default
// [engine.runtimes]: podman 4.3 has crun, runc, runj, kata, runsc, krun; later ones add youki,
// crun-wasm, crun-vm, ocijail), and ucompose's own ucrun.
const std::vector<std::string>& builtin_runtime_names();

// Pure. builtin_runtime_names() plus every key of [engine.runtimes] in `conf` that is a runtime
// name (is_runtime_name).
std::set<std::string> registered_runtimes(const doctor::TomlTables& conf);

// Pure. Throws Error at the key's place ("file:line:col: service \"web\": runtime \"x\" ...") for
// the first service (by name) whose runtime or x-ucompose.runtime is not in `registered`.
void check_runtimes(const Project& project, const std::set<std::string>& registered);

}  // namespace ucompose
