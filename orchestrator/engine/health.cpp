#include "orchestrator/engine/health.hpp"

#include <algorithm>

namespace ucompose {

const char* to_string(Health h) {
    switch (h) {
    case Health::Starting: return "starting";
    case Health::Healthy: return "healthy";
    case Health::Unhealthy: return "unhealthy";
    }
    return "?";
}

Duration HealthTiming::poll() const {
    return std::clamp<Duration>(interval, std::chrono::milliseconds(100), std::chrono::milliseconds(500));
}

HealthTiming health_timing(const Service& s) {
    HealthTiming t;
    if (!s.healthcheck) return t;
    const Healthcheck& h = *s.healthcheck;
    if (h.interval && h.interval->count() > 0) t.interval = *h.interval;
    if (h.timeout && h.timeout->count() > 0) t.timeout = *h.timeout;
    if (h.start_period) t.start_period = *h.start_period;
    if (h.retries && *h.retries > 0) t.retries = *h.retries;
    return t;
}

Health HealthTracker::record(bool passed, Duration since_start) {
    if (passed) {
        state_ = Health::Healthy;
        failures_ = 0;
        last_counted_.reset();
        return state_;
    }
    if (since_start < timing_.start_period) return state_;
    if (!last_counted_ || since_start - *last_counted_ >= timing_.interval) {
        last_counted_ = since_start;
        ++failures_;
        if (failures_ >= timing_.retries) state_ = Health::Unhealthy;
    }
    return state_;
}

}  // namespace ucompose
