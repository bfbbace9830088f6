// `down` over a scripted client: reverse dependency order, and podman failures.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::vector<Listed> kAllRunning = {{"db"}, {"web"}, {"proxy"}, {"solo"}};

}  // namespace

TEST_CASE("down: stop and remove level by level, dependents first, then the network", "[engine][down]") {
    Harness h(load_yaml(kChain));
    script_existing(*h.client, h.project(), kAllRunning);
    Outcome r = run_main([&] { return down(h.session, DownOptions{}); });
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.errors().empty());
    CHECK(actions(*h.client) == std::vector<std::string>{
                                    "stop p_proxy_1", "rm -f p_proxy_1", "stop p_web_1", "rm -f p_web_1",
                                    "stop p_db_1 p_solo_1", "rm -f p_db_1 p_solo_1", "network rm p_default"});
}

TEST_CASE("down: podman failures", "[engine][down]") {
    struct Case {
        const char* name;
        sys::Argv prefix;
        PodmanResult reply;
        int code;
        std::vector<std::string> errors, warnings;
        std::vector<std::string> absent, present;
    };
    const std::string improper =
        "Error: cannot remove container p_proxy_1 as it is running - running or paused containers cannot be "
        "removed without force: container state improper\n";
    const std::vector<Case> cases = {
        {"rm exits 125: stops there, as docker compose",
         {"rm"},
         failed(125, improper),
         1,
         {"ucompose: error: remove containers: cannot remove container p_proxy_1 as it is running - running or "
          "paused containers cannot be removed without force: container state improper"},
         {},
         {"stop p_web_1", "rm -f p_web_1", "network rm p_default"},
         {"stop p_proxy_1", "rm -f p_proxy_1"}},
        {"rm killed",
         {"rm", "-f", "p_web_1"},
         killed(),
         1,
         {"ucompose: error: remove containers: exit status 137"},
         {},
         {"stop p_db_1 p_solo_1", "network rm p_default"},
         {"rm -f p_proxy_1", "rm -f p_web_1"}},
        {"stop exits 125: a warning, rm -f still removes it",
         {"stop", "p_web_1"},
         failed(125, "Error: timed out waiting for file /run/p_web_1/exit\n"),
         0,
         {},
         {"ucompose: warning: stop: timed out waiting for file /run/p_web_1/exit"},
         {},
         {"rm -f p_web_1", "network rm p_default"}},
        {"network rm exits 125",
         {"network", "rm"},
         failed(125, "Error: \"p_default\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used\n"),
         1,
         {"ucompose: error: network p_default: \"p_default\" has associated containers with it. Use -f to forcibly "
          "delete containers and pods: network is being used"},
         {},
         {},
         {"rm -f p_db_1 p_solo_1"}},
        {"network rm killed", {"network", "rm"}, killed(), 1, {"ucompose: error: network p_default: exit status 137"}, {}, {}, {}},
        {"listing the containers fails",
         {"ps"},
         failed(125, "Error: database is locked\n"),
         1,
         {"ucompose: error: list containers: database is locked"},
         {},
         {"network rm p_default"},
         {}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kChain));
        script_existing(*h.client, h.project(), kAllRunning);
        h.client->reply(c.prefix, c.reply);
        Outcome r = run_main([&] { return down(h.session, DownOptions{}); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(r.warnings() == c.warnings);
        auto a = actions(*h.client);
        for (const auto& x : c.absent) {
            INFO("not expected: " << x);
            CHECK_FALSE(has(a, x));
        }
        for (const auto& x : c.present) {
            INFO("expected: " << x);
            CHECK(has(a, x));
        }
    }
}
