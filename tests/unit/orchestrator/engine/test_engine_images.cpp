// pull and push over a scripted client: what is pushed, and the exit code of a failure in
// docker compose's mode and in podman-compose's (compat).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

TEST_CASE("push: docker compose pushes built services with image:, podman-compose every built one; podman's status in compat",
          "[engine][push][compat]") {
    struct Case {
        const char* name;
        bool podman_compose;
        PodmanResult reply;
        int code;
        std::vector<std::string> pushed;
    };
    const std::vector<Case> cases = {
        {"docker", false, ok(), 0, {"push registry.example/named:1"}},
        {"podman-compose", true, ok(), 0, {"push p_unnamed", "push registry.example/named:1"}},
        {"docker, push fails 125: 1", false, failed(125, "Error: no such image\n"), 1, {"push registry.example/named:1"}},
        {"podman-compose, push fails 125: 125", true, failed(125, "Error: no such image\n"), 125,
         {"push p_unnamed", "push registry.example/named:1"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kBuilt));
        h.session.podman_compose = c.podman_compose;
        h.client->reply({"push"}, c.reply);
        Outcome r = run_main([&] { return push(h.session, {}); });
        CHECK(r.code == c.code);
        std::vector<std::string> got = actions(*h.client);
        std::sort(got.begin(), got.end());
        CHECK(got == c.pushed);
    }
}

TEST_CASE("pull: a failed pull exits 1, or podman's status in compat mode", "[engine][pull][compat]") {
    for (bool pc : {false, true}) {
        INFO("podman_compose " << pc);
        Harness h(load_yaml(kBuilt));
        h.session.podman_compose = pc;
        accept(*h.client, {{"pull"}});
        h.client->reply({"pull", "-q", "docker.io/library/busybox:latest"},
                        failed(125, "Error: initializing source: manifest unknown\n"));
        Outcome r = run_main([&] { return pull(h.session, {}); });
        CHECK(r.code == (pc ? 125 : 1));
        std::vector<std::string> got = actions(*h.client);
        std::sort(got.begin(), got.end());
        CHECK(got == std::vector<std::string>{"pull -q docker.io/library/busybox:latest", "pull -q registry.example/named:1"});
        CHECK_THAT(r.err, Catch::Contains("pull of docker.io/library/busybox:latest failed"));
    }
}
