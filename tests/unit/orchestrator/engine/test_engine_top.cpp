// `top` over a scripted client: `podman top` of each running container of the services, its
// name above its processes; a failure names the container and the others are still shown.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2, "exited"}, {"b", 1}, {"b", 2, "running", "", "", true}};
const std::string kProcesses = "USER   PID   PPID   %CPU   ELAPSED   TTY   TIME   COMMAND\nroot   1     0      0.000  1s        ?     0s     sleep 9\n";

}  // namespace

TEST_CASE("top: the running containers' processes under their names; failures", "[engine][top]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    struct Case {
        const char* name;
        std::vector<std::string> services;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        // Stopped and one-off containers are not shown.
        {"every running container", {}, {},
         {.lines = {ps, "top p_a_1", "top p_b_1"}, .out = "p_a_1\n" + kProcesses + "\np_b_1\n" + kProcesses + "\n"}},
        {"one service", {"b"}, {}, {.lines = {ps, "top p_b_1"}, .out = "p_b_1\n" + kProcesses + "\n"}},
        {"nothing running", {}, {{{"ps"}, ok(ps_json(load_yaml(kTwo), {{"a", 1, "exited"}}))}}, {.lines = {ps}, .out = ""}},
        // docker compose prints nothing when one fails; what the engine prints then is not
        // asserted, only that it still asks for the others and exits 1 with one error each.
        {"podman top fails: 1, the next still asked", {},
         {{{"top", "p_a_1"}, failed(125, "Error: no such container p_a_1\n")}},
         {.code = 1,
          .lines = {ps, "top p_a_1", "top p_b_1"},
          .errors = {"ucompose: error: top p_a_1: no such container p_a_1"}}},
        {"podman top killed", {"b"}, {{{"top"}, killed()}},
         {.code = 1, .lines = {ps, "top p_b_1"}, .errors = {"ucompose: error: top p_b_1: exit status 137"}}},
        {"listing the containers fails", {}, {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {.code = 1, .lines = {ps}, .errors = {"ucompose: error: list containers: database is locked"}, .out = ""}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
        h.client->reply({"top"}, ok(kProcesses));
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return top(h.session, c.services); });
        check_outcome(r, *h.client, c.expected);
    }
}
