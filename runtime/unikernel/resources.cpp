#include "runtime/unikernel/resources.hpp"

#include <algorithm>

#include "runtime/sys/error.hpp"

namespace ucrun::unikernel {

const char* to_string(Accel a) { return a == Accel::kvm ? "kvm" : "tcg"; }

Resources derive_resources(const ResourceInput& in) {
    Resources r;
    r.tb_size_mib = in.accel == Accel::tcg ? kTcgTbSizeMib : 0;
    // A limit of 0 or a negative one (-1 = unlimited in some writers) means no limit.
    if (in.memory_limit_bytes && *in.memory_limit_bytes > 0) {
        int64_t limit_mib = *in.memory_limit_bytes / (1024 * 1024);
        r.headroom_mib = kBaseHeadroomMib + r.tb_size_mib + limit_mib / 16;
        r.guest_mib = limit_mib - r.headroom_mib;
        if (r.guest_mib < kMinGuestMib) {
            throw sys::Error("memory limit " + std::to_string(limit_mib) + " MiB is too small for a VM: " +
                             std::to_string(r.headroom_mib) + " MiB go to QEMU itself and the guest needs at least " +
                             std::to_string(kMinGuestMib) + " MiB (use --memory " +
                             std::to_string((kBaseHeadroomMib + r.tb_size_mib + kMinGuestMib) * 16 / 15 + 1) +
                             "m or more)");
        }
    } else {
        r.guest_mib = in.image_memory_mib.value_or(kDefaultGuestMib);
    }
    if (in.cpu_quota && *in.cpu_quota > 0 && in.cpu_period && *in.cpu_period > 0) {
        int64_t period = static_cast<int64_t>(*in.cpu_period);
        int64_t n = (*in.cpu_quota + period - 1) / period;
        r.vcpus = static_cast<int>(std::clamp<int64_t>(n, 1, std::max(1, in.host_cpus)));
    }
    return r;
}

}  // namespace ucrun::unikernel
