// `wait` over a scripted client: the exit code of the last container to stop, and what
// `podman wait` may answer instead of a code (never read as exit 0).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

}  // namespace

TEST_CASE("wait: exit code and errors for each answer of podman wait", "[engine][wait]") {
    struct Case {
        const char* name;
        PodmanResult a, b;  // `podman wait p_a_1` answers first, then p_b_1
        int code;
        std::vector<std::string> errors;
    };
    const std::vector<Case> cases = {
        {"last to stop decides", ok("0\n"), ok("3\n"), 3, {}},
        {"last to stop decides (0)", ok("3\n"), ok("0\n"), 0, {}},
        {"prints nothing", ok(""), ok("0\n"), 1,
         {"ucompose: error: wait p_a_1: podman wait printed no exit code"}},
        {"prints garbage", ok("Error: no such container\n"), ok("0\n"), 1,
         {"ucompose: error: wait p_a_1: podman wait printed no exit code: Error: no such container"}},
        {"exits 125", failed(125, "Error: no such container p_a_1\n"), ok("0\n"), 1,
         {"ucompose: error: wait p_a_1: no such container p_a_1"}},
        {"killed", killed(), ok("0\n"), 1, {"ucompose: error: wait p_a_1: exit status 137"}},
        {"killed last", ok("0\n"), killed(), 1, {"ucompose: error: wait p_b_1: exit status 137"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        script_existing(*h.client, h.project(), {{"a"}, {"b"}});
        h.client->reply({"wait", "p_a_1"}, c.a);
        h.client->reply({"wait", "p_b_1"}, c.b);
        Outcome r = run_main([&] { return wait(h.session, WaitOptions{}); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(actions(*h.client) == std::vector<std::string>{"wait p_a_1", "wait p_b_1"});
    }
}

TEST_CASE("wait: no containers is an error", "[engine][wait]") {
    Harness h(load_yaml(kTwo));
    script_fresh(*h.client, h.project());
    Outcome r = run_main([&] { return wait(h.session, WaitOptions{}); });
    CHECK(r.code == 1);
    CHECK(r.errors() == std::vector<std::string>{"ucompose: error: no containers for project \"p\""});
}

TEST_CASE("wait --down-project: the first container's code, then the project goes down", "[engine][wait]") {
    Harness h(load_yaml(kTwo));
    script_existing(*h.client, h.project(), {{"a"}, {"b"}});
    h.client->reply({"wait", "p_a_1"}, ok("4\n"));
    h.client->reply({"wait", "p_b_1"}, ok("0\n"));  // answered after p_a_1's: not the first
    accept(*h.client, kDownCommands);
    WaitOptions o;
    o.down_project = true;
    Outcome r = run_main([&] { return wait(h.session, o); });
    INFO(r.err);
    CHECK(r.code == 4);
    auto a = actions(*h.client);
    CHECK(has(a, "rm -f p_a_1 p_b_1"));
    CHECK(has(a, "network rm p_default"));
}
