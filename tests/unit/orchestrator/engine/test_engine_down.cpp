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
    accept(*h.client, kDownCommands);
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
        {"network still in use: a warning, as docker compose's \"Resource is still in use\"",
         {"network", "rm"},
         failed(125, "Error: \"p_default\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used\n"),
         0,
         {},
         {"ucompose: warning: network p_default is still in use: \"p_default\" has associated containers with it. Use -f "
          "to forcibly delete containers and pods: network is being used"},
         {},
         {"rm -f p_db_1 p_solo_1"}},
        {"network rm exits 125 otherwise",
         {"network", "rm"},
         failed(125, "Error: netavark: failed to delete bridge\n"),
         1,
         {"ucompose: error: network p_default: netavark: failed to delete bridge"},
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
    accept(*h.client, kDownCommands);
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

TEST_CASE("down: orphans stay without --remove-orphans, with docker compose's warning", "[engine][down]") {
    const char* two = "services:\n  web:\n    image: docker.io/library/busybox:latest\n";
    for (bool remove : {false, true}) {
        INFO("--remove-orphans " << remove);
        Harness h(load_yaml(two));
        // `old` was a service of an earlier version of the file.
        Project before = load_yaml("services:\n  web:\n    image: a\n  old:\n    image: a\n");
        h.client->reply({"images"}, ok(images_json(h.project())));
        h.client->reply({"ps"}, ok(ps_json(before, {{"web"}, {"old"}})));
        h.client->reply({"network", "ls"}, ok("[{\"name\":\"p_default\"}]"));
        h.client->reply({"volume", "ls"}, ok("[]"));
        accept(*h.client, kDownCommands);
        if (!remove)
            h.client->reply({"network", "rm"}, failed(125, "Error: \"p_default\" has associated containers with it. "
                                                          "Use -f to forcibly delete containers and pods: network is being used\n"));
        DownOptions o;
        o.remove_orphans = remove;
        Outcome r = run_main([&] { return down(h.session, o); });
        CHECK(r.code == 0);
        std::vector<std::string> a = actions(*h.client);
        CHECK(has(a, "rm -f p_web_1"));
        CHECK(has(a, "rm -f p_old_1") == remove);
        if (remove) {
            CHECK_THAT(r.err, !Catch::Contains("orphan"));
        } else {
            CHECK_THAT(r.err, Catch::Contains("ucompose: warning: found orphan containers (p_old_1) for this project"));
            CHECK_THAT(r.err, Catch::Contains("--remove-orphans"));
        }
    }
}
