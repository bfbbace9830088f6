// Health as docker defines it, decided from check results (pure; the executor runs the checks).
// As docker's health monitor: the first check runs one interval after the start (start_interval
// while within start_period and still starting, else interval), and so does every next one; a
// passing check makes the container healthy; a failing one counts toward `retries`, except
// within start_period.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/model/model.hpp"

namespace ucompose {

enum class Health { Starting, Healthy, Unhealthy };
const char* to_string(Health h);

struct HealthTiming {
    Duration interval = std::chrono::seconds(30);
    Duration timeout = std::chrono::seconds(30);
    Duration start_period = Duration::zero();
    int retries = 3;
    Duration start_interval = std::chrono::seconds(5);
    // The wait before the next check, `since_start` after the container started.
    Duration next_check(Duration since_start, Health state) const;
};

// The service's healthcheck timing with docker's defaults. x-ucompose probes use the same keys,
// but check every second unless `interval` is given (they are cheap, and checked from the host).
HealthTiming health_timing(const Service& service);

// A container's own healthcheck as podman reports it (`{{json .Config.Healthcheck}}`): the
// compose file's, or else the image's HEALTHCHECK. Durations are nanoseconds there; 0 = unset.
struct ImageHealthcheck {
    std::vector<std::string> test;
    Duration interval{}, timeout{}, start_period{}, start_interval{};
    int retries = 0;
};
// nullopt for "null", a test of NONE, an empty test, or text that is not such an object.
std::optional<ImageHealthcheck> parse_image_healthcheck(const std::string& json_text);
// The timing keys the compose file leaves unset are taken from the container's healthcheck.
void apply_image_timing(const ImageHealthcheck& image, const Service& service, HealthTiming& timing);

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
};

}  // namespace ucompose
