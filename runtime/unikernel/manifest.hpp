// The registry entry's manifest.json (docs/registry.md), parsed and validated once (pure).
#pragma once
#include <string>

#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

// `entry_dir` becomes the SourceRef's base; `origin` (the manifest's path) prefixes errors.
// The manifest's "name" must equal `expected_name`.
SourceRef parse_manifest(const std::string& text, const std::string& expected_name,
                         const std::string& entry_dir, const std::string& origin);

}  // namespace ucrun::unikernel
