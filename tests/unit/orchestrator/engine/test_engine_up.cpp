// `up` over a scripted client: the commands, the exit code and stderr, for a good run and for
// each injected podman failure (docker compose v2's exit code and words are the reference).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;
using namespace std::chrono_literals;

namespace {

// web waits for db to be healthy (a check every 10 s, 3 retries).
const char* kHealthy = R"(
services:
  db:
    image: docker.io/library/busybox:latest
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
      retries: 3
  web:
    image: docker.io/library/busybox:latest
    depends_on:
      db:
        condition: service_healthy
)";

const char* kNoSuch = "Error: no such container p_db_1\n";

// The state inspect says "running" n times, then `last`.
std::vector<PodmanResult> running_then(int n, PodmanResult last) {
    std::vector<PodmanResult> v(n, PodmanResult{0, "running 0\n", ""});
    v.push_back(std::move(last));
    return v;
}

}  // namespace

TEST_CASE("up -d: network first, then each service created, then started, dependencies first", "[engine][up]") {
    Harness h(load_yaml(kChain));
    script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
    Outcome r = run_main([&] { return up(h.session, detached()); });
    CHECK(r.code == 0);
    CHECK(r.errors().empty());
    auto a = actions(*h.client);
    INFO(r.err);
    REQUIRE(a.size() == 9);
    CHECK(a.front() == "network create p_default");
    for (const char* svc : {"db", "web", "proxy", "solo"}) {
        std::string name = std::string("p_") + svc + "_1";
        CHECK(index_of(a, "create " + name) > 0);
        CHECK(index_of(a, "create " + name) < index_of(a, "start " + name));
    }
    CHECK(index_of(a, "create p_db_1") < index_of(a, "create p_web_1"));
    CHECK(index_of(a, "create p_web_1") < index_of(a, "create p_proxy_1"));
    CHECK(index_of(a, "start p_db_1") < index_of(a, "start p_web_1"));
    CHECK(index_of(a, "start p_web_1") < index_of(a, "start p_proxy_1"));
    // As docker compose: every container exists before the first one starts.
    CHECK(index_of(a, "create p_proxy_1") < index_of(a, "start p_db_1"));
    CHECK(index_of(a, "create p_solo_1") < index_of(a, "start p_db_1"));
    // The progress lines docker compose prints without a tty.
    CHECK_THAT(r.err, Catch::Contains(" Container p_web_1  Started"));
}

TEST_CASE("up -d: existing containers are recreated when changed, else kept or started", "[engine][up]") {
    for (bool no_recreate : {false, true}) {
        INFO("--no-recreate " << no_recreate);
        Harness h(load_yaml(kChain));
        script_existing(*h.client, h.project(), {{"db", 1, "running"}, {"web", 1, "exited"}});
        accept(*h.client, kUpCommands);
        accept(*h.client, {{"rm"}});  // recreated: removed first
        UpOptions o = detached();
        o.policy.no_recreate = no_recreate;
        Outcome r = run_main([&] { return up(h.session, o); });
        INFO(r.err);
        CHECK(r.code == 0);
        auto a = actions(*h.client);
        CHECK_FALSE(has(a, "network create p_default"));
        if (no_recreate) {
            // db runs (kept: no command); web exited: started, after db's level.
            CHECK_FALSE(has(a, "create p_db_1"));
            CHECK_FALSE(has(a, "create p_web_1"));
            CHECK_FALSE(has(a, "start p_db_1"));
            CHECK(has(a, "start p_web_1"));
            CHECK(index_of(a, "create p_proxy_1") < index_of(a, "start p_web_1"));
        } else {
            // The file's hash differs from the containers' labels: removed, then created again.
            CHECK(index_of(a, "rm -f p_db_1") < index_of(a, "create p_db_1"));
            CHECK(index_of(a, "rm -f p_web_1") < index_of(a, "create p_web_1"));
            CHECK(index_of(a, "create p_web_1") < index_of(a, "start p_db_1"));
        }
    }
}

TEST_CASE("up -d: each podman failure ends with exit 1 and one error naming the command", "[engine][up]") {
    struct Case {
        const char* name;
        sys::Argv prefix;
        PodmanResult reply;
        std::vector<std::string> errors;   // the exact "ucompose: error:" lines
        std::vector<std::string> absent;   // commands that must not be issued
        std::vector<std::string> present;  // commands that must be issued
    };
    const std::vector<Case> cases = {
        {"network create exits 125",
         {"network", "create"},
         failed(125, "Error: netavark: unable to find a free subnet\n"),
         {"ucompose: error: failed to create network p_default: netavark: unable to find a free subnet"},
         {"create p_db_1", "create p_solo_1", "start p_db_1"},
         {"network create p_default"}},
        {"network create killed",
         {"network", "create"},
         killed(),
         {"ucompose: error: failed to create network p_default: exit status 137"},
         {"create p_db_1"},
         {}},
        {"create exits 125: nothing starts, what depends on it is not created",
         {"create", "--name", "p_web_1"},
         failed(125, "Error: creating container storage: the container name \"p_web_1\" is already in use\n"),
         {"ucompose: error: service \"web\": create p_web_1: creating container storage: the container name "
          "\"p_web_1\" is already in use"},
         {"create p_proxy_1", "start p_db_1", "start p_web_1", "start p_solo_1", "start p_proxy_1"},
         {"create p_db_1", "create p_solo_1"}},
        {"create killed",
         {"create", "--name", "p_db_1"},
         killed(),
         {"ucompose: error: service \"db\": create p_db_1: exit status 137"},
         {"create p_web_1", "create p_proxy_1", "start p_solo_1"},
         {"create p_solo_1"}},
        {"start exits 125: its dependents are not started, one error",
         {"start", "p_db_1"},
         failed(125, "Error: unable to start container \"p_db_1\": crun: executable file `sh` not found\n"),
         {"ucompose: error: service \"db\": start: unable to start container \"p_db_1\": crun: executable file "
          "`sh` not found"},
         {"start p_web_1", "start p_proxy_1"},
         {"start p_solo_1"}},
        {"start killed (-9 from a client that reports the signal itself)",
         {"start", "p_web_1"},
         PodmanResult{-9, "", ""},
         {"ucompose: error: service \"web\": start: exit status -9"},
         {"start p_proxy_1"},
         {"start p_db_1", "start p_solo_1"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kChain));
        script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
        accept(*h.client, kUpCommands);
        h.client->reply(c.prefix, c.reply);
        Outcome r = run_main([&] { return up(h.session, detached()); });
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(r.errors() == c.errors);
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

TEST_CASE("up: service_healthy waits interval x retries of simulated time, then fails as docker compose",
          "[engine][up][health]") {
    Harness h(load_yaml(kHealthy));
    script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
    h.client->reply({"inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}"}, ok("running 0\n"));
    h.client->reply({"healthcheck", "run"}, failed(1, "unhealthy\n"));
    Outcome r = run_main([&] { return up(h.session, detached()); });
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(r.errors() == std::vector<std::string>{"ucompose: error: dependency failed to start: container p_db_1 is unhealthy"});
    CHECK(h.clock.elapsed() == 30s);
    auto a = actions(*h.client);
    CHECK(count_of(a, "healthcheck run p_db_1") == 3);
    CHECK(has(a, "start p_db_1"));
    CHECK_FALSE(has(a, "start p_web_1"));
}

TEST_CASE("up: a check that fails retries-1 times then passes is healthy after interval x retries",
          "[engine][up][health]") {
    Harness h(load_yaml(kHealthy));
    script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
    h.client->reply({"inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}"}, ok("running 0\n"));
    h.client->reply_sequence({"healthcheck", "run"}, {failed(1, ""), failed(1, ""), ok()});
    Outcome r = run_main([&] { return up(h.session, detached()); });
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.errors().empty());
    CHECK(h.clock.elapsed() == 30s);
    auto a = actions(*h.client);
    CHECK(index_of(a, "start p_db_1") < index_of(a, "start p_web_1"));
}

TEST_CASE("up: the container vanishes while waiting for health", "[engine][up][health]") {
    struct Case {
        const char* name;
        std::vector<PodmanResult> inspect;  // the state inspects, in turn
        PodmanResult check;                 // every healthcheck run
        std::string error;
    };
    const std::vector<Case> cases = {
        {"inspect: no such container, between checks",
         {ok("running 0\n"), ok("running 0\n"), failed(125, kNoSuch)},
         failed(1, ""),
         "ucompose: error: dependency failed to start: container p_db_1: no such container p_db_1"},
        {"healthcheck run: no such container, and so says inspect",
         running_then(10, failed(125, kNoSuch)),
         failed(125, kNoSuch),
         "ucompose: error: dependency failed to start: container p_db_1: no such container p_db_1"},
        {"the container exited with 3",
         {ok("running 0\n"), ok("exited 3\n")},
         failed(1, ""),
         "ucompose: error: dependency failed to start: container p_db_1 exited (3)"},
        {"healthcheck run killed while the container runs",
         {ok("running 0\n")},
         killed(),
         "ucompose: error: dependency failed to start: container p_db_1: healthcheck: exit status 137"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kHealthy));
        script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
        accept(*h.client, kUpCommands);
        h.client->reply_sequence({"inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}"}, c.inspect);
        h.client->reply({"healthcheck", "run"}, c.check);
        Outcome r = run_main([&] { return up(h.session, detached()); });
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(r.errors() == std::vector<std::string>{c.error});
        CHECK_FALSE(has(actions(*h.client), "start p_web_1"));
        // Never longer than the checks would have taken.
        CHECK(h.clock.elapsed() <= 30s);
    }
}

TEST_CASE("up -d --wait: healthy after one interval, or unhealthy after interval x retries", "[engine][up][health]") {
    const char* one = R"(
services:
  db:
    image: docker.io/library/busybox:latest
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
      retries: 3
)";
    struct Case {
        const char* name;
        PodmanResult check;
        int code;
        std::vector<std::string> errors;
        std::chrono::nanoseconds elapsed;
    };
    const std::vector<Case> cases = {
        {"passes", ok(), 0, {}, 10s},
        {"keeps failing", failed(1, "unhealthy\n"), 1,
         {"ucompose: error: dependency failed to start: container p_db_1 is unhealthy"}, 30s},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(one));
        script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
        accept(*h.client, kUpCommands);
        h.client->reply({"inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}"}, ok("running 0\n"));
        h.client->reply({"healthcheck", "run"}, c.check);
        UpOptions o = detached();
        o.wait = true;
        Outcome r = run_main([&] { return up(h.session, o); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK(r.errors() == c.errors);
        CHECK(h.clock.elapsed() == c.elapsed);
    }
}

TEST_CASE("up (attached): podman wait that prints nothing or garbage is never exit 0", "[engine][up][wait]") {
    const char* one = R"(
services:
  job:
    image: docker.io/library/busybox:latest
)";
    struct Case {
        const char* name;
        PodmanResult wait;
        int code;
    };
    const std::vector<Case> cases = {
        {"prints 0", ok("0\n"), 0},
        {"prints 3", ok("3\n"), 3},
        {"prints nothing", ok(""), 1},
        {"prints garbage", ok("Error: something\n"), 1},
        {"exits 125", failed(125, kNoSuch), 1},
        {"killed", killed(), 1},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(one));
        script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
        accept(*h.client, kUpCommands);
        h.client->reply({"wait"}, c.wait);
        h.client->reply({"logs"}, ok("hello\n"));
        // --exit-code-from implies --abort-on-container-exit: the containers are stopped after.
        accept(*h.client, {{"stop"}});
        UpOptions o;
        o.exit.exit_code_from = "job";
        Outcome r = run_main([&] { return up(h.session, o); });
        INFO(r.err);
        CHECK(r.code == c.code);
        CHECK_THAT(r.out, Catch::Contains("job-1  | hello"));
        CHECK_THAT(r.out, Catch::Contains("job-1 exited with code " + std::to_string(c.code)));
    }
}
