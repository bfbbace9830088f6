// Writing, listing and removing entries of the local unikernel registry (docs/registry.md).
// An entry is built in <root>/.tmp-<name>-<pid>/ and renamed into place: readers never see half of one.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/registry/manifest.hpp"
#include "runtime/sys/staged_dir.hpp"

namespace ucompose::registry {

// $UCRUN_REGISTRY, else /var/lib/ucrun/registry.
std::string default_root();

// An entry being written. Removed on destruction unless committed.
class StagedEntry {
public:
    // Validates `name`; fails early when it exists and `force` is false.
    StagedEntry(std::string root, std::string name, bool force);
    StagedEntry(const StagedEntry&) = delete;
    StagedEntry& operator=(const StagedEntry&) = delete;

    const std::string& dir() const { return staged_.path(); }  // write the files here
    // Writes manifest.json, checks that its files exist, and renames the entry into place
    // (the old one, with force, is renamed aside first and then removed).
    std::string commit(const Manifest& manifest);

private:
    std::string root_, name_;
    bool force_;
    sys::StagedDir staged_;
};

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
