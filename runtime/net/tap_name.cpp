#include <cstdint>
#include <cstdio>

#include "runtime/net/net.hpp"

namespace ucrun::net {

std::string tap_name_for(const std::string& container_id) {
    // FNV-1a, 64-bit: stable across builds and libraries, unlike std::hash.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : container_id) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char name[16];
    std::snprintf(name, sizeof name, "uk%012llx",
                  static_cast<unsigned long long>(h & 0xffffffffffffULL));
    return name;
}

}  // namespace ucrun::net
