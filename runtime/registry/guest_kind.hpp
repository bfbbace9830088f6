// The guest kind, one enum everywhere (registry manifests, image annotations, the unikernel
// runtime): linux | multiboot | disk.
#pragma once
#include <optional>
#include <string>

namespace ucrun::registry {

// `linux_` because `linux` is a predefined macro under GNU dialects.
enum class GuestKind { linux_, multiboot, disk };

const char* to_string(GuestKind k);
// "linux" | "multiboot" | "disk", else nullopt (urunc's "unikraft" and "nanos" are mapped by
// unikernel/annotations.cpp).
std::optional<GuestKind> kind_from_name(const std::string& s);

}  // namespace ucrun::registry
