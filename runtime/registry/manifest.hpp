// A registry entry's manifest.json (docs/registry.md): the one typed model, its parser and its
// writer, shared by ucrun (registry lookup, image form) and ucompose (unikernel build/import/ls).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/registry/guest_kind.hpp"

namespace ucrun::registry {

// One enum for the guest kind everywhere: linux | multiboot | disk.
using Kind = GuestKind;
// Throws sys::Error for anything but linux|multiboot|disk (for option values; the manifest
// parser reports its own error naming the file).
Kind parse_kind(const std::string& text);

struct Manifest {
    std::string name;
    Kind kind = Kind::linux_;
    std::string kernel;                 // relative to the entry's dir; "" only for a disk
    std::optional<std::string> initrd;  // linux (optional for multiboot)
    std::optional<std::string> disk;    // disk only
    std::string cmdline;                // appended to ucrun's own cmdline
    std::optional<int64_t> memory_mib;  // default guest RAM (positive); absent = ucrun's default
};

// The JSON text of docs/registry.md (every key present, absent optionals as null).
std::string to_json(const Manifest& m);

// Parses and validates; every error starts with `what` (the manifest's path):
// a JSON object; name/kind required strings, kernel/initrd/disk/cmdline strings or null/absent;
// a valid registry name; a known kind; memory_mib a positive integer; the files each kind needs
// (linux: kernel + initrd; multiboot: kernel, no disk; disk: disk, no initrd); every path
// relative and without ".." components.
Manifest parse_manifest(const std::string& json_text, const std::string& what);

// Throws "<what>: path \"<p>\" ..." unless `p` is a non-empty relative path without ".." components.
void validate_entry_path(const std::string& p, const std::string& what);

}  // namespace ucrun::registry
