// manifest.json of a registry entry (docs/registry.md), typed, with its JSON form.
#pragma once
#include <optional>
#include <string>

namespace ucompose::registry {

enum class Kind { Linux, Multiboot, Disk };

std::string to_string(Kind kind);
Kind parse_kind(const std::string& text);  // throws sys::Error for anything but linux|multiboot|disk

struct Manifest {
    std::string name;
    Kind kind = Kind::Linux;
    std::string kernel;                 // relative to the entry's dir; "" only for a disk
    std::optional<std::string> initrd;  // linux (optional for multiboot)
    std::optional<std::string> disk;    // disk only
    std::string cmdline;
    int memory_mib = 256;
};

std::string to_json(const Manifest& m);
// Parses and validates (kind, and paths that stay inside the entry); `what` names the file in errors.
Manifest parse_manifest(const std::string& json_text, const std::string& what);

// Throws unless `p` is a relative path without ".." components.
void validate_entry_path(const std::string& p, const std::string& what);

}  // namespace ucompose::registry
