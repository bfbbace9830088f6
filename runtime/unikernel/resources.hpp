// Guest RAM and vCPUs from the container's limits (pure).
//
// The VMM lives in the container's memory cgroup, so with a limit the guest gets the limit minus
// a headroom for QEMU itself, so that a guest that fills its RAM never gets its VMM OOM-killed:
//
//   headroom = 64 MiB                 QEMU's code, heap, device and I/O buffers, the monitor
//            + tb-size (TCG only)     the translation cache, bounded with -accel tcg,tb-size=16
//                                     (QEMU 7.2's default is up to 1 GiB)
//            + limit / 16             guest page-table shadows, file cache of kernel/initrd/disk
//   guest    = limit - headroom       e.g. 512 MiB -> 400 MiB under TCG, 416 MiB under KVM
//
// Measured here (TCG, 256 MiB guest that touched all its RAM): QEMU's RSS was 291 MiB, i.e.
// ~35 MiB over the guest before the translation cache fills. Without a limit the guest gets the
// image's memory (annotation or manifest), else 256 MiB. vCPUs = ceil(quota / period), at least
// 1 and at most the host's CPUs; 1 without a quota.
#pragma once
#include <cstdint>
#include <optional>

namespace ucrun::unikernel {

enum class Accel { kvm, tcg };
const char* to_string(Accel a);

inline constexpr int64_t kDefaultGuestMib = 256;
inline constexpr int64_t kBaseHeadroomMib = 64;
// 16 MiB: a small guest's boot and an idle service fit (docs/guest-kernel.md: boot no slower than
// with 32, 10 MiB less RSS per VM).
inline constexpr int64_t kTcgTbSizeMib = 16;
inline constexpr int64_t kMinGuestMib = 32;

struct ResourceInput {
    std::optional<int64_t> memory_limit_bytes;   // linux.resources.memory.limit
    std::optional<int64_t> cpu_quota;            // linux.resources.cpu.quota (us)
    std::optional<uint64_t> cpu_period;          // linux.resources.cpu.period (us)
    std::optional<int64_t> image_memory_mib;     // the image's default
    Accel accel = Accel::tcg;
    int host_cpus = 1;
};

struct Resources {
    int64_t guest_mib = kDefaultGuestMib;
    int vcpus = 1;
    int64_t tb_size_mib = 0;    // 0 under KVM
    int64_t headroom_mib = 0;   // 0 without a limit
};

// Throws sys::Error when the limit leaves less than kMinGuestMib for the guest.
Resources derive_resources(const ResourceInput& in);

}  // namespace ucrun::unikernel
