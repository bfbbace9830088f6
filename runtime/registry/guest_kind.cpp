#include "runtime/registry/guest_kind.hpp"

namespace ucrun::registry {

const char* to_string(GuestKind k) {
    switch (k) {
    case GuestKind::linux_: return "linux";
    case GuestKind::multiboot: return "multiboot";
    case GuestKind::disk: return "disk";
    }
    return "?";
}

std::optional<GuestKind> kind_from_name(const std::string& s) {
    if (s == "linux") return GuestKind::linux_;
    if (s == "multiboot") return GuestKind::multiboot;
    if (s == "disk") return GuestKind::disk;
    return std::nullopt;
}

}  // namespace ucrun::registry
