#include "orchestrator/engine/health.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ucompose {

const char* to_string(Health h) {
    switch (h) {
    case Health::Starting: return "starting";
    case Health::Healthy: return "healthy";
    case Health::Unhealthy: return "unhealthy";
    }
    return "?";
}

Duration HealthTiming::next_check(Duration since_start, Health state) const {
    if (state == Health::Starting && since_start < start_period) return start_interval;
    return interval;
}

HealthTiming health_timing(const Service& s) {
    HealthTiming t;
    if (s.ucompose && s.ucompose->has_probe()) t.interval = std::chrono::seconds(1);
    if (!s.healthcheck) return t;
    const Healthcheck& h = *s.healthcheck;
    if (h.interval && h.interval->count() > 0) t.interval = *h.interval;
    if (h.timeout && h.timeout->count() > 0) t.timeout = *h.timeout;
    if (h.start_period) t.start_period = *h.start_period;
    if (h.start_interval && h.start_interval->count() > 0) t.start_interval = *h.start_interval;
    if (h.retries && *h.retries > 0) t.retries = *h.retries;
    return t;
}

std::optional<ImageHealthcheck> parse_image_healthcheck(const std::string& json_text) {
    nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    if (!j.is_object() || !j.contains("Test") || !j["Test"].is_array()) return std::nullopt;
    ImageHealthcheck h;
    for (const auto& t : j["Test"]) {
        if (!t.is_string()) return std::nullopt;
        h.test.push_back(t.get<std::string>());
    }
    if (h.test.empty() || h.test.front() == "NONE") return std::nullopt;
    auto duration = [&](const char* key, Duration& out) {
        if (j.contains(key) && j[key].is_number_integer() && j[key].get<int64_t>() > 0)
            out = Duration(j[key].get<int64_t>());
    };
    duration("Interval", h.interval);
    duration("Timeout", h.timeout);
    duration("StartPeriod", h.start_period);
    duration("StartInterval", h.start_interval);
    if (j.contains("Retries") && j["Retries"].is_number_integer()) h.retries = std::max(0, j["Retries"].get<int>());
    return h;
}

void apply_image_timing(const ImageHealthcheck& image, const Service& service, HealthTiming& timing) {
    const Healthcheck none;
    const Healthcheck& h = service.healthcheck ? *service.healthcheck : none;
    if (!h.interval && image.interval.count() > 0) timing.interval = image.interval;
    if (!h.timeout && image.timeout.count() > 0) timing.timeout = image.timeout;
    if (!h.start_period && image.start_period.count() > 0) timing.start_period = image.start_period;
    if (!h.start_interval && image.start_interval.count() > 0) timing.start_interval = image.start_interval;
    if (!h.retries && image.retries > 0) timing.retries = image.retries;
}

Health HealthTracker::record(bool passed, Duration since_start) {
    if (passed) {
        state_ = Health::Healthy;
        failures_ = 0;
        return state_;
    }
    if (state_ == Health::Starting && since_start < timing_.start_period) return state_;
    if (++failures_ >= timing_.retries) state_ = Health::Unhealthy;
    return state_;
}

}  // namespace ucompose
