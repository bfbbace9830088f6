#include "runtime/sys/clock.hpp"

#include <cstdio>

namespace sys {

std::string rfc3339(const timespec& t) {
    tm utc{};
    gmtime_r(&t.tv_sec, &utc);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &utc);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%09ldZ", date, static_cast<long>(t.tv_nsec));
    return out;
}

std::string now_rfc3339() {
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return rfc3339(t);
}

}  // namespace sys
