// A gzip-compressed guest kernel (the registry and images keep the purpose-built PVH vmlinux as
// vmlinux.gz: 2.3 MB instead of 7.3 MB) is unpacked once per host into the cache, and every VM
// booting it shares that file read-only (docs/guest-kernel.md).
#pragma once
#include <string>

namespace ucrun::unikernel {

// `path` itself when it is not gzip-compressed; else <cache_dir>/kernel-<SHA-256 of the
// compressed bytes>-<their size>, unpacked now if absent (a temp file renamed into place, so concurrent
// creates are safe). Throws sys::Error naming `path` when it cannot be read or unpacked.
std::string unpacked_kernel(const std::string& path, const std::string& cache_dir);

}  // namespace ucrun::unikernel
