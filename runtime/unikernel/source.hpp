// What a unikernel container boots: the guest kind and its files, as found in the image's
// annotations, the kraft layout or the registry. Typed once here; resolution is in resolve.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/registry/guest_kind.hpp"

namespace ucrun::unikernel {

using registry::GuestKind;
using registry::kind_from_name;
using registry::to_string;

// A guest whose file paths are still relative to `base` (the rootfs or a registry entry).
struct SourceRef {
    GuestKind kind = GuestKind::multiboot;
    std::string base;      // the directory every path below stays inside
    std::string kernel;    // relative to base ("" for disk)
    std::string initrd;    // optional
    std::string disk;      // disk only
    std::string cmdline;   // appended to ucrun's own cmdline
    std::optional<int64_t> memory_mib;  // the image's default guest RAM
    std::string origin;    // for messages: "annotations io.ucrun.unikernel.*", "registry entry x"
};

// The same guest with every path checked and absolute on the host.
struct Source {
    GuestKind kind = GuestKind::multiboot;
    std::string kernel;
    std::string initrd;
    std::string disk;
    std::string cmdline;
    std::optional<int64_t> memory_mib;
    std::string origin;
};

// Parses a size in MiB: "256", "256M", "256MiB", "1G", "1GiB" (case-insensitive suffix).
// Throws sys::Error naming `what` when malformed or not positive.
int64_t parse_memory_mib(const std::string& text, const std::string& what);

}  // namespace ucrun::unikernel
