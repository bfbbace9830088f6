// `run` over a scripted client: dependencies up first (as `up -d` of them), then one
// foreground `podman run`, whose exit code is the command's.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const char* kProject = R"(
services:
  db:
    image: docker.io/library/busybox:latest
  web:
    image: docker.io/library/busybox:latest
    depends_on: [db]
)";

RunOptions run_web(bool no_deps = false) {
    RunOptions o;
    o.service = "web";
    o.name = "oneoff";
    o.no_deps = no_deps;
    o.no_tty = true;
    o.command = {"echo", "hi"};
    return o;
}

}  // namespace

TEST_CASE("run: dependencies first, then podman run; its exit code; failures", "[engine][run]") {
    struct Case {
        const char* name;
        bool no_deps;
        std::vector<std::pair<sys::Argv, PodmanResult>> replies;
        int code;
        std::vector<std::string> errors;
        std::vector<std::string> actions;
    };
    const std::vector<Case> cases = {
        {"runs after db is up", false, {}, 0, {}, {"create p_db_1", "start p_db_1", "run oneoff"}},
        {"--no-deps", true, {}, 0, {}, {"run oneoff"}},
        {"the container's exit code", false, {{{"run"}, PodmanResult{3, "", ""}}}, 3, {},
         {"create p_db_1", "start p_db_1", "run oneoff"}},
        // podman run's own failure (it printed its message on the terminal itself): its code, as
        // `docker compose run` returns docker's.
        {"podman run exits 125", false, {{{"run"}, PodmanResult{125, "", ""}}}, 125, {},
         {"create p_db_1", "start p_db_1", "run oneoff"}},
        // A killed `podman run` cannot be told from a container killed by SIGKILL: 137 either way.
        {"podman run killed", false, {{{"run"}, killed()}}, 137, {}, {"create p_db_1", "start p_db_1", "run oneoff"}},
        {"the dependency cannot be created", false,
         {{{"create"}, failed(125, "Error: short-name resolution enforced\n")}}, 1,
         {"ucompose: error: service \"db\": create p_db_1: short-name resolution enforced"}, {"create p_db_1"}},
        {"the dependency's start is killed", false, {{{"start"}, killed()}}, 1,
         {"ucompose: error: service \"db\": start: exit status 137"}, {"create p_db_1", "start p_db_1"}},
        {"the network cannot be created", true,
         {{{"network", "ls"}, ok("[]")}, {{"network", "create"}, failed(125, "Error: network exists\n")}}, 1,
         {"ucompose: error: network p_default: network exists"}, {"network create p_default"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kProject));
        script_existing(*h.client, h.project(), {});
        accept(*h.client, kUpCommands);
        accept(*h.client, {{"run"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return run(h.session, run_web(c.no_deps)); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(actions(*h.client) == c.actions);
        // The client is given back to the session after the dependencies' `up`.
        CHECK(h.session.client.get() == h.client);
    }
}

TEST_CASE("run: the one-off container's command line", "[engine][run]") {
    Harness h(load_yaml(kProject));
    script_existing(*h.client, h.project(), {});
    accept(*h.client, {{"run"}});
    Outcome r = run_main([&] { return run(h.session, run_web(true)); });
    REQUIRE(r.code == 0);
    const PodmanCommand& last = h.client->commands().back();
    CHECK(last.verb == sys::Argv{"run"});
    CHECK(std::find(last.args.begin(), last.args.end(), "--label") != last.args.end());
    CHECK(std::find(last.args.begin(), last.args.end(), "com.docker.compose.oneoff=True") != last.args.end());
    CHECK(sys::Argv(last.args.end() - 3, last.args.end()) == sys::Argv{"docker.io/library/busybox:latest", "echo", "hi"});
}

TEST_CASE("run: a built service's missing image is built first, as docker compose does", "[engine][run][build]") {
    const char* built = "services:\n  app:\n    build: .\n";
    for (bool build_fails : {false, true}) {
        INFO("build fails " << build_fails);
        Harness h(load_yaml(built));
        h.client->reply_sequence({"images"}, {ok("[]"), ok(images_json(h.project()))});
        h.client->reply({"ps"}, ok("[]"));
        h.client->reply({"network", "ls"}, ok("[]"));
        h.client->reply({"volume", "ls"}, ok("[]"));
        accept(*h.client, {{"network", "create"}, {"build"}, {"run"}});
        if (build_fails) h.client->reply({"build"}, failed(1, "Error: building at STEP \"RUN false\": exit status 1\n"));
        RunOptions o;
        o.service = "app";
        o.name = "oneoff";
        o.no_tty = true;
        Outcome r = run_main([&] { return run(h.session, o); });
        INFO(r.err);
        std::vector<std::string> a = actions(*h.client);
        CHECK(count_of(a, "build -t p_app ") == 1);
        CHECK(has(a, "run oneoff") == !build_fails);
        if (!build_fails) CHECK(index_of(a, "run oneoff") > 0);
        CHECK(r.code == (build_fails ? 1 : 0));
    }
}
