// `logs` over a scripted client: prefixed lines, and podman failures.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"
#include "orchestrator/engine/log_style.hpp"

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

TEST_CASE("logs in compat mode: podman-compose's `[service_1]|` prefixes, colours and podman's --color",
          "[engine][logs][compat]") {
    const char* yaml = R"(
services:
  a:
    image: docker.io/library/busybox:latest
  bb:
    image: docker.io/library/busybox:latest
    container_name: custom
)";
    struct Case {
        const char* name;
        bool ansi, no_color, no_log_prefix;
        std::string a, custom;   // the lines printed
        bool podman_color;       // `podman logs --color`
    };
    const std::vector<Case> cases = {
        {"colours", true, false, false, "\033[1;32m[a_1]|\033[0m hello\n", "\033[1;33m[custom]|\033[0m hello\n", true},
        {"--no-color keeps podman-compose's resets", true, true, false, "\033[0m[a_1]|\033[0m hello\n",
         "\033[0m[custom]|\033[0m hello\n", false},
        {"--no-ansi: no escapes at all", false, false, false, "[a_1]| hello\n", "[custom]| hello\n", false},
        {"--no-log-prefix", true, false, true, "hello\n", "hello\n", true},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(yaml));
        h.session.podman_compose = true;
        h.session.ansi = c.ansi;
        script_existing(*h.client, h.project(), {{"a"}, {"bb"}});
        h.client->reply({"logs"}, ok("hello\n"));
        LogsOptions o;
        o.no_color = c.no_color;
        o.no_log_prefix = c.no_log_prefix;
        Outcome r = run_main([&] { return logs(h.session, o); });
        CHECK(r.code == 0);
        CHECK_THAT(r.out, Catch::Contains(c.a));
        CHECK_THAT(r.out, Catch::Contains(c.custom));
        std::vector<std::string> want = c.podman_color
                                            ? std::vector<std::string>{"logs --color p_a_1", "logs --color custom"}
                                            : std::vector<std::string>{"logs p_a_1", "logs custom"};
        CHECK(actions(*h.client) == want);
    }
}

TEST_CASE("podman-compose's padding and colour order: longest service name, dependencies last", "[engine][logs][compat]") {
    LogPrinter printer(std::cout, LogStyle{true, true, true, true});
    const Project p = load_yaml(R"(
services:
  web:
    image: docker.io/library/busybox:latest
    depends_on: [db]
  db:
    image: docker.io/library/busybox:latest
  cache:
    image: docker.io/library/busybox:latest
)");
    std::map<std::string, int> colors = podman_compose_colors(p);
    CHECK(colors == std::map<std::string, int>{{"cache", 0}, {"db", 1}, {"web", 2}});
    Capture out(std::cout);
    printer.add("db", colors["db"]);
    printer.add("cache", colors["cache"]);
    printer.pad_to(5);
    printer.line("db", "x");
    printer.line("cache", "y");
    CHECK(out.text() == "\033[1;33m[db]    |\033[0m x\n\033[1;32m[cache] |\033[0m y\n");
}
