// `stats` over a scripted client: one foreground `podman stats` naming the services' running
// containers (every one with --all), never a bare `podman stats` (the whole host's).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2, "exited"}, {"b", 1}, {"b", 2, "running", "", "", true}};

StatsOptions stats_of(std::vector<std::string> services = {}) {
    StatsOptions o;
    o.services = std::move(services);
    return o;
}

}  // namespace

TEST_CASE("stats: podman stats of the services' containers; flags; failures", "[engine][stats]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    StatsOptions all = stats_of({"a"});
    all.all = true;
    StatsOptions flags = stats_of({"b"});
    flags.no_stream = true;
    flags.no_trunc = true;
    flags.format = "{{.Name}} {{.CPUPerc}}";
    struct Case {
        const char* name;
        StatsOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        // The one-off `run` container is not the service's.
        {"the running ones", stats_of(), {}, {.lines = {ps, "stats p_a_1 p_b_1"}}},
        {"--all: stopped ones too", all, {}, {.lines = {ps, "stats p_a_1 p_a_2"}}},
        {"--no-stream --no-trunc --format", flags, {},
         {.lines = {ps, "stats --no-stream --no-trunc --format {{.Name}} {{.CPUPerc}} p_b_1"}}},
        {"nothing running: no podman stats at all", stats_of(), {{{"ps"}, ok(ps_json(load_yaml(kTwo), {{"a", 1, "exited"}}))}},
         {.lines = {ps}}},
        // podman printed its own message on the terminal: its code.
        {"podman stats fails", stats_of(), {{{"stats"}, PodmanResult{125, "", ""}}},
         {.code = 125, .lines = {ps, "stats p_a_1 p_b_1"}}},
        {"listing the containers fails", stats_of(), {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {.code = 1, .lines = {ps}, .errors = {"ucompose: error: list containers: database is locked"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
        accept(*h.client, {{"stats"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return stats(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}
