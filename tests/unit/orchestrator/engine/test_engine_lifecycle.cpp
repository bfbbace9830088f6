// start / stop / restart / kill over a scripted client: the order of the podman commands
// (dependencies first on start and restart, reverse on stop), and podman failures.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

std::vector<Listed> all_in(const std::string& state) {
    return {{"db", 1, state}, {"web", 1, state}, {"proxy", 1, state}, {"solo", 1, state}};
}

struct Case {
    const char* name;
    Lifecycle verb;
    LifecycleOptions options;
    std::string state;                 // of every container
    std::vector<std::pair<sys::Argv, PodmanResult>> replies;
    int code;
    std::vector<std::string> errors;   // the exact "ucompose: error:" lines
    std::vector<std::string> actions;  // every command that changes something, in order
};

LifecycleOptions services(std::vector<std::string> s) {
    LifecycleOptions o;
    o.services = std::move(s);
    return o;
}

LifecycleOptions with_signal(std::string sig) {
    LifecycleOptions o;
    o.signal = std::move(sig);
    return o;
}

LifecycleOptions with_timeout(int t) {
    LifecycleOptions o;
    o.timeout = t;
    return o;
}

}  // namespace

TEST_CASE("start/stop/restart/kill: commands, order, exit code and errors", "[engine][lifecycle]") {
    const std::string refused = "Error: unable to start container \"p_web_1\": crun: cannot set up network\n";
    const std::vector<Case> cases = {
        // start: dependencies first, one podman start per level.
        {"start", Lifecycle::Start, {}, "exited", {}, 0, {},
         {"start p_db_1 p_solo_1", "start p_web_1", "start p_proxy_1"}},
        {"start proxy starts what it depends on first", Lifecycle::Start, services({"proxy"}), "exited", {}, 0, {},
         {"start p_db_1", "start p_web_1", "start p_proxy_1"}},
        {"start: nothing to start", Lifecycle::Start, {}, "running", {}, 0, {}, {}},
        {"start exits 125: the next levels are not started", Lifecycle::Start, {}, "exited",
         {{{"start", "p_web_1"}, failed(125, refused)}}, 1,
         {"ucompose: error: start: unable to start container \"p_web_1\": crun: cannot set up network"},
         {"start p_db_1 p_solo_1", "start p_web_1"}},
        {"start killed", Lifecycle::Start, {}, "exited", {{{"start"}, killed()}}, 1,
         {"ucompose: error: start: exit status 137"}, {"start p_db_1 p_solo_1"}},
        // stop: the reverse.
        {"stop", Lifecycle::Stop, {}, "running", {}, 0, {},
         {"stop p_proxy_1", "stop p_web_1", "stop p_db_1 p_solo_1"}},
        {"stop -t 3", Lifecycle::Stop, with_timeout(3), "running", {}, 0, {},
         {"stop -t 3 p_proxy_1", "stop -t 3 p_web_1", "stop -t 3 p_db_1 p_solo_1"}},
        {"stop exits 125", Lifecycle::Stop, {}, "running",
         {{{"stop", "p_web_1"}, failed(125, "Error: no such container p_web_1\n")}}, 1,
         {"ucompose: error: stop: no such container p_web_1"}, {"stop p_proxy_1", "stop p_web_1"}},
        {"stop killed", Lifecycle::Stop, {}, "running", {{{"stop"}, killed()}}, 1,
         {"ucompose: error: stop: exit status 137"}, {"stop p_proxy_1"}},
        // restart: dependencies first.
        {"restart", Lifecycle::Restart, {}, "running", {}, 0, {},
         {"restart p_db_1 p_solo_1", "restart p_web_1", "restart p_proxy_1"}},
        {"restart exits 125", Lifecycle::Restart, {}, "running",
         {{{"restart", "p_db_1"}, failed(125, "Error: crun: cannot restart\n")}}, 1,
         {"ucompose: error: restart: crun: cannot restart"}, {"restart p_db_1 p_solo_1"}},
        // kill: every running container at once.
        {"kill", Lifecycle::Kill, {}, "running", {}, 0, {}, {"kill p_db_1 p_proxy_1 p_solo_1 p_web_1"}},
        {"kill -s SIGTERM web", Lifecycle::Kill, [] { auto o = with_signal("SIGTERM"); o.services = {"web"}; return o; }(),
         "running", {}, 0, {}, {"kill -s SIGTERM p_web_1"}},
        {"kill: nothing running", Lifecycle::Kill, {}, "exited", {}, 0, {}, {}},
        {"kill exits 125", Lifecycle::Kill, {}, "running",
         {{{"kill"}, failed(125, "Error: invalid signal: SIGFOO\n")}}, 1,
         {"ucompose: error: kill: invalid signal: SIGFOO"}, {"kill p_db_1 p_proxy_1 p_solo_1 p_web_1"}},
        {"kill killed", Lifecycle::Kill, {}, "running", {{{"kill"}, killed()}}, 1,
         {"ucompose: error: kill: exit status 137"}, {"kill p_db_1 p_proxy_1 p_solo_1 p_web_1"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kChain));
        script_existing(*h.client, h.project(), all_in(c.state));
        accept(*h.client, {{"start"}, {"stop"}, {"restart"}, {"kill"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return lifecycle(h.session, c.verb, c.options); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(actions(*h.client) == c.actions);
    }
}

TEST_CASE("start: a service without containers is docker compose's error", "[engine][lifecycle]") {
    Harness h(load_yaml(kChain));
    script_fresh(*h.client, h.project());
    Outcome r = run_main([&] { return lifecycle(h.session, Lifecycle::Start, services({"web"})); });
    CHECK(r.code == 1);
    CHECK(r.errors() == std::vector<std::string>{"ucompose: error: service \"web\" has no container to start"});
    CHECK(actions(*h.client).empty());
}

TEST_CASE("stop: an unknown service is an error before any podman command", "[engine][lifecycle]") {
    Harness h(load_yaml(kChain));
    Outcome r = run_main([&] { return lifecycle(h.session, Lifecycle::Stop, services({"nope"})); });
    CHECK(r.code == 1);
    REQUIRE(r.errors().size() == 1);
    CHECK_THAT(r.errors()[0], Catch::Contains("nope"));
    CHECK(h.client->commands().empty());
}
