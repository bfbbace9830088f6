// Writing one entry of the local unikernel registry (docs/registry.md), for every writer:
// `ucompose unikernel build|import|pull` and ucrun's on-demand pull. The entry is built in
// <root>/.tmp-<name>-<pid>/ and renamed into place, so readers never see half of one.
#pragma once
#include <string>

#include "runtime/registry/manifest.hpp"
#include "runtime/sys/staged_dir.hpp"

namespace ucrun::registry {

// An entry being written. Removed on destruction unless committed.
class StagedEntry {
public:
    // Validates `name`; fails early when it exists and `force` is false.
    StagedEntry(std::string root, std::string name, bool force);
    StagedEntry(const StagedEntry&) = delete;
    StagedEntry& operator=(const StagedEntry&) = delete;

    const std::string& dir() const { return staged_.path(); }  // write the files here
    // Writes manifest.json, checks that its files exist, and renames the entry into place
    // (the old one, with force, is exchanged with it in one step and then removed).
    std::string commit(const Manifest& manifest);

private:
    std::string root_, name_;
    bool force_;
    sys::StagedDir staged_;
};

}  // namespace ucrun::registry
