// `logs` over a scripted client: prefixed lines, and podman failures.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

}  // namespace

TEST_CASE("logs: every container's lines with its prefix; failures name the container", "[engine][logs]") {
    struct Case {
        const char* name;
        LogsOptions options;
        PodmanResult b;
        int code;
        std::vector<std::string> errors;
        std::vector<std::string> actions;
    };
    LogsOptions follow;
    follow.follow = true;
    follow.tail = "5";
    const std::vector<Case> cases = {
        {"both", {}, ok("world\n"), 0, {}, {"logs p_a_1", "logs p_b_1"}},
        {"-f --tail 5", follow, ok("world\n"), 0, {}, {"logs -f --tail 5 p_a_1", "logs -f --tail 5 p_b_1"}},
        {"exits 125", {}, failed(125, "Error: no such container p_b_1\n"), 1,
         {"ucompose: error: logs p_b_1: no such container p_b_1"}, {"logs p_a_1", "logs p_b_1"}},
        {"killed", {}, killed(), 1, {"ucompose: error: logs p_b_1: exit status 137"}, {"logs p_a_1", "logs p_b_1"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        script_existing(*h.client, h.project(), {{"a"}, {"b"}});
        h.client->reply({"logs"}, ok("hello\n"));
        h.client->reply({"logs", "p_b_1"}, c.b);
        h.client->reply({"logs", "-f", "--tail", "5", "p_b_1"}, c.b);
        Outcome r = run_main([&] { return logs(h.session, c.options); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(actions(*h.client) == c.actions);
        CHECK_THAT(r.out, Catch::Contains("a-1  | hello\n"));
        if (c.code == 0) CHECK_THAT(r.out, Catch::Contains("b-1  | world\n"));
    }
}
