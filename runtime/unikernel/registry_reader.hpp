// Looking a unikernel up in the local registry (docs/registry.md): <root>/<name>/manifest.json.
#pragma once
#include <string>

#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

// Validates `name` (runtime/registry/name.hpp), reads and parses the entry's manifest. Throws
// "unknown unikernel \"x\": no entry /var/lib/ucrun/registry/x (...)" when absent.
SourceRef registry_lookup(const std::string& registry_root, const std::string& name);

}  // namespace ucrun::unikernel
