// `attach` over a scripted client: one foreground `podman attach` on container --index of the
// service, then the container's exit code as docker's attach returns it (podman's exits 0).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2}, {"b", 1}};
const std::string kInspect = "inspect --format {{.State.Status}} {{.State.ExitCode}} ";

AttachOptions attach_to(std::string service, int index = 1) {
    AttachOptions o;
    o.service = std::move(service);
    o.index = index;
    return o;
}

}  // namespace

TEST_CASE("attach: podman attach, then the container's exit code once it has stopped; errors", "[engine][attach]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    AttachOptions flags = attach_to("b");
    flags.no_stdin = true;
    flags.sig_proxy = false;
    flags.detach_keys = "ctrl-x";
    struct Case {
        const char* name;
        AttachOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"the container exits 3: 3", attach_to("a"), {{{"inspect"}, ok("exited 3\n")}},
         {3, {ps, "attach --sig-proxy=true p_a_1", kInspect + "p_a_1"}}},
        {"stopped with 0", attach_to("a"), {{{"inspect"}, ok("stopped 0\n")}},
         {0, {ps, "attach --sig-proxy=true p_a_1", kInspect + "p_a_1"}}},
        {"detached (still running): 0", attach_to("a"), {{{"inspect"}, ok("running 0\n")}},
         {0, {ps, "attach --sig-proxy=true p_a_1", kInspect + "p_a_1"}}},
        {"--index 2", attach_to("a", 2), {{{"inspect"}, ok("exited 0\n")}},
         {0, {ps, "attach --sig-proxy=true p_a_2", kInspect + "p_a_2"}}},
        {"--no-stdin --sig-proxy=false --detach-keys", flags, {{{"inspect"}, ok("running 0\n")}},
         {0, {ps, "attach --no-stdin --sig-proxy=false --detach-keys=ctrl-x p_b_1", kInspect + "p_b_1"}}},
        {"the container is gone afterwards: attach's 0", attach_to("a"),
         {{{"inspect"}, failed(125, "Error: no such container p_a_1\n")}},
         {0, {ps, "attach --sig-proxy=true p_a_1", kInspect + "p_a_1"}}},
        {"podman attach fails: its code, no inspect", attach_to("a"), {{{"attach"}, PodmanResult{125, "", ""}}},
         {125, {ps, "attach --sig-proxy=true p_a_1"}}},
        {"no container with that index", attach_to("a", 3), {},
         {1, {ps}, {"ucompose: error: service \"a\" has no container with index 3"}}},
        {"unknown service: before any podman command", attach_to("nope"), {},
         {1, {}, {"ucompose: error: no such service: nope"}}},
        {"listing the containers fails", attach_to("a"), {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {1, {ps}, {"ucompose: error: list containers: database is locked"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
        accept(*h.client, {{"attach"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return attach(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}
