// A gzip-compressed guest kernel (the registry and images keep the purpose-built PVH vmlinux as
// vmlinux.gz: 2.3 MB instead of 7.3 MB) is unpacked once per host into the cache, and every VM
// booting it shares that file read-only (docs/guest-kernel.md). The kernel comes from the image,
// so it is bounded at every step (docs/security.md): its size, its unpacked size (streamed, never
// whole in memory), and the cache's total, beyond which the least recently used files go.
#pragma once
#include <cstdint>
#include <string>

#include "runtime/unikernel/limits.hpp"

namespace ucrun::unikernel {

struct KernelCacheLimits {
    std::uint64_t kernel_bytes = kKernelMaxBytes;
    std::uint64_t unpacked_bytes = kUnpackedKernelMaxBytes;
    std::uint64_t cache_bytes = kKernelCacheMaxBytes;
};

// `path` itself when it is not gzip-compressed; else <cache_dir>/kernel-<SHA-256 of the
// compressed bytes>-<their size>, unpacked now if absent (a temp file renamed into place, so
// concurrent creates are safe) and marked as just used. Throws sys::Error naming `path` when it
// cannot be read or unpacked, or is over a limit.
std::string unpacked_kernel(const std::string& path, const std::string& cache_dir,
                            const KernelCacheLimits& limits = {});

}  // namespace ucrun::unikernel
