// A registry entry (or the image form's /unikernel/) as a SourceRef: the manifest is parsed and
// validated by runtime/registry/manifest.hpp; this only converts it (pure).
#pragma once
#include <string>

#include "runtime/registry/manifest.hpp"
#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

// `entry_dir` becomes the SourceRef's base; `origin` (the manifest's path) prefixes errors.
// Also checks what ucrun can boot (check_source_fields: e.g. no kernel for a disk guest).
SourceRef to_source_ref(const registry::Manifest& m, const std::string& entry_dir, const std::string& origin);

// registry::parse_manifest + to_source_ref; the manifest's "name" must equal `expected_name`.
SourceRef parse_manifest(const std::string& text, const std::string& expected_name,
                         const std::string& entry_dir, const std::string& origin);

}  // namespace ucrun::unikernel
