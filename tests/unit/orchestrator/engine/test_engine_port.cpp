// `port` over a scripted client: `podman port <container> <port>/<protocol>` on container
// --index of the service, podman's answer printed as is; errors name the service or container.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2}, {"b", 1, "exited"}};

PortOptions port_of(std::string service, std::string private_port, int index = 1) {
    PortOptions o;
    o.service = std::move(service);
    o.private_port = std::move(private_port);
    o.index = index;
    return o;
}

}  // namespace

TEST_CASE("port: podman port of the service's container; errors", "[engine][port]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    PortOptions udp = port_of("a", "53");
    udp.protocol = "udp";
    struct Case {
        const char* name;
        PortOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"tcp by default", port_of("a", "80"), {}, {.lines = {ps, "port p_a_1 80/tcp"}, .out = "0.0.0.0:8080\n"}},
        {"--protocol udp", udp, {}, {.lines = {ps, "port p_a_1 53/udp"}, .out = "0.0.0.0:8080\n"}},
        {"a protocol in the port wins", port_of("a", "53/udp"), {}, {.lines = {ps, "port p_a_1 53/udp"}, .out = "0.0.0.0:8080\n"}},
        {"--index 2", port_of("a", "80", 2), {}, {.lines = {ps, "port p_a_2 80/tcp"}, .out = "0.0.0.0:8080\n"}},
        {"a stopped container is asked too", port_of("b", "80"), {{{"port"}, failed(125, "Error: no port 80/tcp\n")}},
         {.code = 1, .lines = {ps, "port p_b_1 80/tcp"}, .errors = {"ucompose: error: port p_b_1: no port 80/tcp"}, .out = ""}},
        {"no container with that index", port_of("a", "80", 3), {},
         {.code = 1, .lines = {ps}, .errors = {"ucompose: error: service \"a\" has no container number 3"}, .out = ""}},
        {"unknown service: before any podman command", port_of("nope", "80"), {},
         {.code = 1, .lines = {}, .errors = {"ucompose: error: no such service: nope"}, .out = ""}},
        {"podman port killed", port_of("a", "80"), {{{"port"}, killed()}},
         {.code = 1, .lines = {ps, "port p_a_1 80/tcp"}, .errors = {"ucompose: error: port p_a_1: exit status 137"}, .out = ""}},
        {"listing the containers fails", port_of("a", "80"), {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {.code = 1, .lines = {ps}, .errors = {"ucompose: error: list containers: database is locked"}, .out = ""}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
        h.client->reply({"port"}, ok("0.0.0.0:8080\n"));
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return port(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}
