// manifest.json of a registry entry: the model, parser and writer are ucrun's
// (runtime/registry/manifest.hpp); these are names for them in ucompose::registry.
#pragma once
#include "runtime/registry/manifest.hpp"

namespace ucompose::registry {

using ucrun::registry::Kind;
using ucrun::registry::Manifest;
using ucrun::registry::parse_kind;
using ucrun::registry::parse_manifest;
using ucrun::registry::to_json;
using ucrun::registry::to_string;
using ucrun::registry::validate_entry_path;

}  // namespace ucompose::registry
