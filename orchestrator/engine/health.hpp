// Health as docker defines it, decided from check results (pure; the executor runs the checks).
// Checks may be polled faster than `interval` while waiting to become healthy; a failure counts
// toward `retries` at most once per interval, and never during start_period.
#pragma once
#include <chrono>

#include "orchestrator/model/model.hpp"

namespace ucompose {

enum class Health { Starting, Healthy, Unhealthy };
const char* to_string(Health h);

struct HealthTiming {
    Duration interval = std::chrono::seconds(30);
    Duration timeout = std::chrono::seconds(30);
    Duration start_period = Duration::zero();
    int retries = 3;
    // How often to check while not yet healthy.
    Duration poll() const;
};

// The service's healthcheck timing with docker's defaults.
HealthTiming health_timing(const Service& service);

class HealthTracker {
public:
    explicit HealthTracker(HealthTiming timing) : timing_(timing) {}
    // The result of one check, `since_start` after the container started.
    Health record(bool passed, Duration since_start);
    Health state() const { return state_; }
    int failures() const { return failures_; }

private:
    HealthTiming timing_;
    Health state_ = Health::Starting;
    int failures_ = 0;
    std::optional<Duration> last_counted_;
};

}  // namespace ucompose
