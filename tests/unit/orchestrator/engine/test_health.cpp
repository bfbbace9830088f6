#include <catch2/catch.hpp>

#include "orchestrator/engine/exit_policy.hpp"
#include "orchestrator/engine/health.hpp"
#include "orchestrator/engine/probe.hpp"

using namespace ucompose;
using namespace std::chrono_literals;

TEST_CASE("health: a pass makes the container healthy") {
    HealthTracker t(HealthTiming{1s, 1s, 0s, 3});
    CHECK(t.record(false, 100ms) == Health::Starting);
    CHECK(t.record(true, 600ms) == Health::Healthy);
}

TEST_CASE("health: every failure after start_period counts") {
    HealthTracker t(HealthTiming{1s, 1s, 2s, 2});
    CHECK(t.record(false, 500ms) == Health::Starting);   // in start period
    CHECK(t.record(false, 1900ms) == Health::Starting);  // in start period
    CHECK(t.failures() == 0);
    CHECK(t.record(false, 2100ms) == Health::Starting);  // failure 1
    CHECK(t.failures() == 1);
    CHECK(t.record(false, 3100ms) == Health::Unhealthy);  // failure 2 = retries
}

TEST_CASE("health: a pass resets the failures") {
    HealthTracker t(HealthTiming{1s, 1s, 0s, 2});
    CHECK(t.record(false, 1s) == Health::Starting);
    CHECK(t.record(true, 2s) == Health::Healthy);
    CHECK(t.failures() == 0);
    CHECK(t.record(false, 3s) == Health::Healthy);
    CHECK(t.record(false, 4s) == Health::Unhealthy);
}

TEST_CASE("health: docker's defaults; the next check waits an interval, start_interval while starting") {
    Service s;
    HealthTiming d = health_timing(s);
    CHECK(d.interval == 30s);
    CHECK(d.timeout == 30s);
    CHECK(d.start_period == 0s);
    CHECK(d.start_interval == 5s);
    CHECK(d.retries == 3);
    CHECK(d.next_check(0s, Health::Starting) == 30s);

    Healthcheck hc;
    hc.interval = 10s;
    hc.retries = 7;
    hc.start_period = 60s;
    hc.start_interval = 2s;
    s.healthcheck = hc;
    HealthTiming t = health_timing(s);
    CHECK(t.retries == 7);
    CHECK(t.next_check(0s, Health::Starting) == 2s);    // within start_period, starting
    CHECK(t.next_check(59s, Health::Starting) == 2s);
    CHECK(t.next_check(60s, Health::Starting) == 10s);  // start_period over
    CHECK(t.next_check(5s, Health::Healthy) == 10s);    // healthy: the plain interval
}

TEST_CASE("health: x-ucompose probes check every second unless interval is given") {
    Service s;
    UcomposeExt ext;
    ext.probe_tcp = 6379;
    s.ucompose = ext;
    CHECK(health_timing(s).interval == 1s);
    Healthcheck hc;
    hc.interval = 250ms;
    s.healthcheck = hc;
    CHECK(health_timing(s).interval == 250ms);
}

TEST_CASE("exit policy: attached up without options returns 0") {
    ExitPolicy p({});
    CHECK_FALSE(p.on_exit("a", 3));
    CHECK(p.exit_code() == 0);
}

TEST_CASE("exit policy: --abort-on-container-exit takes the first exit's code") {
    ExitPolicy p({true, false, std::nullopt});
    CHECK(p.on_exit("a", 5));
    CHECK_FALSE(p.on_exit("b", 143));  // stopped by the abort
    CHECK(p.exit_code() == 5);
}

TEST_CASE("exit policy: --exit-code-from takes that service's code") {
    ExitPolicy p({false, false, std::string("b")});
    CHECK(p.on_exit("a", 0));
    CHECK_FALSE(p.on_exit("b", 42));
    CHECK(p.exit_code() == 42);
}

TEST_CASE("exit policy: --abort-on-container-failure ignores clean exits") {
    ExitPolicy p({false, true, std::nullopt});
    CHECK_FALSE(p.on_exit("a", 0));
    CHECK(p.on_exit("b", 2));
    CHECK_FALSE(p.on_exit("c", 137));
    CHECK(p.exit_code() == 2);
}

TEST_CASE("exit policy in compat mode: podman-compose's codes") {
    struct Case {
        const char* name;
        ExitPolicyOptions o;
        std::vector<std::pair<std::string, int>> exits;
        int code;
    };
    const std::vector<Case> cases = {
        {"--abort-on-container-exit, first fails: 0", {true, false, std::nullopt, true}, {{"a", 1}, {"b", 143}}, 0},
        {"--abort-on-container-exit, all clean: 0", {true, false, std::nullopt, true}, {{"a", 0}, {"b", 0}}, 0},
        {"--abort-on-container-failure: the failure's code", {false, true, std::nullopt, true}, {{"a", 0}, {"b", 3}}, 3},
        {"--abort-on-container-failure, none fails: 0", {false, true, std::nullopt, true}, {{"a", 0}, {"b", 0}}, 0},
        {"--exit-code-from: that service's code", {false, false, std::string("b"), true}, {{"a", 0}, {"b", 42}}, 42},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        ExitPolicy p(c.o);
        for (const auto& [service, code] : c.exits) p.on_exit(service, code);
        CHECK(p.exit_code() == c.code);
    }
}

TEST_CASE("exit policy: Ctrl-C gives 130") {
    ExitPolicy p({});
    p.on_interrupt();
    CHECK(p.exit_code() == 130);
}

TEST_CASE("http probe status lines") {
    CHECK(http_status_ok("HTTP/1.1 200 OK"));
    CHECK(http_status_ok("HTTP/1.0 302 Found"));
    CHECK_FALSE(http_status_ok("HTTP/1.1 503 Service Unavailable"));
    CHECK_FALSE(http_status_ok("garbage"));
}
