// `exec` over a scripted client: the one foreground `podman exec` on the service's running
// container (docker compose: -i unless -d, --index, -e/--user/--workdir/--privileged), its
// exit code as the command's, and the errors before any exec.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

// a has two containers, b's one has exited.
const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2}, {"b", 1, "exited"}};

// `exec -T <service> <command...>` (no tty whatever the test's terminal is).
ExecOptions exec_in(std::string service, std::vector<std::string> command) {
    ExecOptions o;
    o.service = std::move(service);
    o.command = std::move(command);
    o.no_tty = true;
    return o;
}

}  // namespace

TEST_CASE("exec: podman exec on the service's container; its exit code; errors", "[engine][exec]") {
    const Project p = load_yaml(kTwo);
    const std::string ps = ps_line(p);
    ExecOptions detached = exec_in("a", {"sleep", "9"});
    detached.detach = true;
    detached.no_tty = false;  // -d never asks for a tty
    ExecOptions second = exec_in("a", {"hostname"});
    second.index = 2;
    ExecOptions flags = exec_in("a", {"sh"});
    flags.privileged = true;
    flags.user = "nobody";
    flags.workdir = "/srv";
    flags.env = {"B=2", "A=1", "UCOMPOSE_TEST_SURELY_UNSET_VARIABLE"};
    ExecOptions third = exec_in("a", {"true"});
    third.index = 3;
    struct Case {
        const char* name;
        ExecOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"-T: interactive, no tty", exec_in("a", {"echo", "hi"}), {}, {0, {ps, "exec -i p_a_1 echo hi"}}},
        {"-d: detached, neither -i nor -t", detached, {}, {0, {ps, "exec -d p_a_1 sleep 9"}}},
        {"--index 2", second, {}, {0, {ps, "exec -i p_a_2 hostname"}}},
        // -e K=V sorted by name; a bare name takes the shell's value, and is left out when unset.
        {"--privileged --user --workdir -e", flags, {},
         {0, {ps, "exec -i --privileged --user nobody --workdir /srv -e A=1 -e B=2 p_a_1 sh"}}},
        {"the command's exit code", exec_in("a", {"false"}), {{{"exec"}, PodmanResult{3, "", ""}}},
         {3, {ps, "exec -i p_a_1 false"}}},
        // podman exec's own failure (printed on the terminal by podman): its code.
        {"podman exec exits 125", exec_in("a", {"nope"}), {{{"exec"}, PodmanResult{125, "", ""}}},
         {125, {ps, "exec -i p_a_1 nope"}}},
        {"podman exec killed", exec_in("a", {"sleep", "9"}), {{{"exec"}, killed()}},
         {137, {ps, "exec -i p_a_1 sleep 9"}}},
        {"the container has exited", exec_in("b", {"true"}), {},
         {1, {ps}, {"ucompose: error: service \"b\" is not running (container number 1)"}}},
        {"no such container number", third, {},
         {1, {ps}, {"ucompose: error: service \"a\" is not running (container number 3)"}}},
        {"unknown service: before any podman command", exec_in("nope", {"true"}), {},
         {1, {}, {"ucompose: error: no such service: nope"}}},
        {"listing the containers fails", exec_in("a", {"true"}),
         {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {1, {ps}, {"ucompose: error: list containers: database is locked"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
        accept(*h.client, {{"exec"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return exec(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}
