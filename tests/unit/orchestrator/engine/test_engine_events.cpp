// `events` over a scripted client: one foreground `podman events` filtered to the project's
// containers, --json as podman's json format.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::string kEvents = "events --filter label=io.podman.compose.project=p";

EventsOptions events_of(std::vector<std::string> services = {}, bool json = false) {
    EventsOptions o;
    o.services = std::move(services);
    o.json = json;
    return o;
}

void check_events(const EventsOptions& options, const Replies& replies, const Expected& expected) {
    Harness h(load_yaml(kTwo));
    accept(*h.client, {{"events"}});
    script(*h.client, replies);
    Outcome r = run_main([&] { return events(h.session, options); });
    check_outcome(r, *h.client, expected);
}

}  // namespace

TEST_CASE("events: podman events of the project's containers; its exit code", "[engine][events]") {
    struct Case {
        const char* name;
        EventsOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"the project's", events_of(), {}, {.lines = {kEvents}}},
        {"--json", events_of({}, true), {}, {.lines = {kEvents + " --format json"}}},
        // podman printed its own message on the terminal: its code.
        {"podman events fails", events_of(), {{{"events"}, PodmanResult{125, "", ""}}}, {.code = 125, .lines = {kEvents}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        check_events(c.options, c.replies, c.expected);
    }
}

// Fixed with this test (was an engine bug): podman ORs filters of the same key ("Filters under
// the same key are disjunctive while each key must match", libpod/events/filters.go), so the
// engine's `--filter label=<project> --filter label=com.docker.compose.service=a` shows the
// events of every container of the project, plus those of any project's service "a". The service
// must be selected with another key than the project (e.g. podman's container=<name> filter);
// here: the project's label filter is the only `label=` one.
TEST_CASE("events a: the service's filter narrows the project's instead of adding to it",
          "[engine][events]") {
    Harness h(load_yaml(kTwo));
    h.client->reply({"ps"}, ok(ps_json(h.project(), {{"a"}, {"b"}})));  // should a fix list them
    accept(*h.client, {{"events"}});
    Outcome r = run_main([&] { return events(h.session, events_of({"a"})); });
    CHECK(r.code == 0);
    REQUIRE_FALSE(h.client->commands().empty());
    const sys::Argv& args = h.client->commands().back().args;
    int label_filters = 0;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--filter" && args[i + 1].rfind("label=", 0) == 0) ++label_filters;
    CHECK(label_filters == 1);
}
