// The size caps on what an image hands ucrun (docs/security.md). ucrun reads these files as root,
// outside the container's cgroup, so each is bounded before it is read, copied or unpacked.
#pragma once
#include <cstdint>

namespace ucrun::unikernel {

inline constexpr std::uint64_t kMiB = 1ull << 20;
// /unikernel/manifest.json in a rootfs, or a registry entry's manifest: a few hundred bytes.
inline constexpr std::uint64_t kManifestMaxBytes = 64 * 1024;
// A kernel file as the image holds it (compressed or not), and a compressed one unpacked.
// Debian's whole cloud vmlinux is 53 MiB; ours is a few MiB.
inline constexpr std::uint64_t kKernelMaxBytes = 128 * kMiB;
inline constexpr std::uint64_t kUnpackedKernelMaxBytes = 128 * kMiB;
// An initrd: a linux guest's is copied (with the per-container config appended) into the
// container's state directory, which is RAM on a stock host.
inline constexpr std::uint64_t kInitrdMaxBytes = 256 * kMiB;
// A disk image is only bound into the container (QEMU reads it there, in the container's
// cgroup); it is checked to be a regular file, and its copy-on-write overlay is bounded below.
inline constexpr std::uint64_t kDiskMaxBytes = UINT64_MAX;
// The unpacked-kernel cache (Config::cache): oldest files are evicted beyond this total.
inline constexpr std::uint64_t kKernelCacheMaxBytes = 1024 * kMiB;
// QEMU's snapshot=on overlay of a disk guest: a tmpfs of this size inside the container (its
// pages are charged to the container's memory cgroup).
inline constexpr std::uint64_t kOverlayMaxBytes = 256 * kMiB;

}  // namespace ucrun::unikernel
