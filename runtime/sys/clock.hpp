// Wall-clock time as RFC 3339 text, in UTC with nanoseconds ("2024-05-01T12:00:00.123456789Z"):
// the one format every caller needs.
// - ucrun's container record "created" (runtime/ucrun/create.cpp), which `ucrun state` prints:
//   runc and crun print their Go/C RFC 3339 times with nanoseconds, and podman, containerd and
//   CRI-O parse any fraction.
// - ucrun's --log lines "time" (runtime/oci/log.cpp): nanoseconds order lines written within
//   the same second, as runc's and crun's logs do.
#pragma once
#include <ctime>
#include <string>

namespace sys {

// `t` (CLOCK_REALTIME) as RFC 3339 UTC with nine fraction digits.
std::string rfc3339(const timespec& t);

// The current CLOCK_REALTIME time, as rfc3339() writes it.
std::string now_rfc3339();

}  // namespace sys
