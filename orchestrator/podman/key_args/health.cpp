// The podman arguments of how a service is watched: logging and healthcheck
// (orchestrator/model/keys/health.cpp).
#include <nlohmann/json.hpp>

#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

void logging_argv(const Service& s, const ContainerSpec&, sys::Argv& a) {
    if (!s.logging) return;
    if (s.logging->driver) add(a, "--log-driver", *s.logging->driver);
    for (const auto& [k, v] : s.logging->options) add(a, "--log-opt", k + "=" + v);
}

// ucompose runs the checks itself (no systemd timers here): podman gets no interval.
void healthcheck_argv(const Service& s, const ContainerSpec&, sys::Argv& a) {
    if (!s.healthcheck) return;
    const Healthcheck& hc = *s.healthcheck;
    if (hc.disable || (!hc.test.empty() && hc.test.front() == "NONE")) {
        a.push_back("--no-healthcheck");
        return;
    }
    if (!hc.test.empty()) {
        const std::string& kind = hc.test.front();
        std::vector<std::string> rest(hc.test.begin() + 1, hc.test.end());
        if (kind == "CMD-SHELL") {
            std::string joined;
            for (const auto& w : rest) joined += (joined.empty() ? "" : " ") + w;
            add(a, "--health-cmd", joined);
        } else if (rest.size() == 1) {
            // podman turns a one-word exec form into CMD-SHELL; a word runs the same either way.
            add(a, "--health-cmd", rest.front());
        } else {
            add(a, "--health-cmd", nlohmann::json(rest).dump());
        }
    }
    add(a, "--health-interval", "disable");
    if (hc.timeout) add(a, "--health-timeout", go_duration(*hc.timeout));
    if (hc.retries) add(a, "--health-retries", std::to_string(*hc.retries));
    if (hc.start_period) add(a, "--health-start-period", go_duration(*hc.start_period));
}

}  // namespace

std::vector<KeyArgs> health_args() {
    return {
        {.key = "logging", .write = logging_argv},
        {.key = "healthcheck", .write = healthcheck_argv},
    };
}

}  // namespace ucompose
