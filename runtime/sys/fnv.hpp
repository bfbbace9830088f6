// FNV-1a, 64-bit: a stable fingerprint (same value across builds, libraries and hosts, unlike
// std::hash) for short names. Not a digest: never for anything an attacker chooses (that is
// sha256.hpp). Its users: tap device names (12 hex digits, within IFNAMSIZ) and the kernel store's
// entry names (12 hex digits over the host's own build inputs: orchestrator/kernel/fragment.cpp).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace sys {

class Fnv1a64 {
public:
    Fnv1a64& update(std::string_view data) {
        for (unsigned char c : data) {
            h_ ^= c;
            h_ *= 0x100000001b3ULL;
        }
        return *this;
    }
    std::uint64_t value() const { return h_; }
    // The low `digits` hex digits (at most 16), zero-padded.
    std::string hex(int digits = 16) const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
        return std::string(buf + 16 - digits, static_cast<size_t>(digits));
    }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace sys
