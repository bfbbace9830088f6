// Listing and removing entries of the local unikernel registry (docs/registry.md); writing one
// is runtime/registry/staged_entry.hpp.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/registry/manifest.hpp"
#include "runtime/registry/staged_entry.hpp"

namespace ucompose::registry {

// The registry ucrun reads: $UCRUN_REGISTRY, else "registry" of ucrun's config
// (/etc/ucrun/ucrun.json or $UCRUN_CONFIG), else /var/lib/ucrun/registry.
std::string default_root();

// An entry being written (runtime/registry/staged_entry.hpp, shared with ucrun's pull).
using ucrun::registry::StagedEntry;

struct Entry {
    std::string dir;
    Manifest manifest;
};

struct ListResult {
    std::vector<Entry> entries;        // sorted by name
    std::vector<std::string> problems; // "<dir>: why" for entries that could not be read
};

ListResult list_entries(const std::string& root);
// Throws when the name is invalid or absent.
void remove_entry(const std::string& root, const std::string& name);

}  // namespace ucompose::registry
