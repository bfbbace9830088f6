// `cp` over a scripted client: one foreground `podman cp` between the host and container
// --index of the service named before ':', and the errors before it.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

// a has two containers, b's one has exited (docker compose copies to and from stopped ones too).
const std::vector<Listed> kContainers = {{"a", 1}, {"a", 2}, {"b", 1, "exited"}};

CopyOptions copy_of(std::string source, std::string destination, int index = 1) {
    CopyOptions o;
    o.source = std::move(source);
    o.destination = std::move(destination);
    o.index = index;
    return o;
}

// Runs `cp` with `options` over kTwo and kContainers, after `replies`.
void check_copy(const CopyOptions& options, const Replies& replies, const Expected& expected) {
    Harness h(load_yaml(kTwo));
    h.client->reply({"ps"}, ok(ps_json(h.project(), kContainers)));
    accept(*h.client, {{"cp"}});
    script(*h.client, replies);
    Outcome r = run_main([&] { return copy(h.session, options); });
    check_outcome(r, *h.client, expected);
}

}  // namespace

TEST_CASE("cp: podman cp between the host and the service's container; errors", "[engine][cp]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    struct Case {
        const char* name;
        CopyOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"from a container", copy_of("a:/etc/hosts", "/tmp/hosts"), {}, {0, {ps, "cp p_a_1:/etc/hosts /tmp/hosts"}}},
        {"into a stopped container", copy_of("./site", "b:/srv/"), {}, {0, {ps, "cp ./site p_b_1:/srv/"}}},
        {"--index 2", copy_of("a:/x", "/tmp/x", 2), {}, {0, {ps, "cp p_a_2:/x /tmp/x"}}},
        // A relative host path with a colon after a '/' is never a service.
        {"./a:b is a host path", copy_of("./a:b", "a:/in"), {}, {0, {ps, "cp ./a:b p_a_1:/in"}}},
        {"podman cp fails: its code (podman printed its message)", copy_of("a:/nope", "/tmp/x"),
         {{{"cp"}, PodmanResult{125, "", ""}}}, {125, {ps, "cp p_a_1:/nope /tmp/x"}}},
        {"no container with that index", copy_of("a:/x", "/tmp/x", 3), {},
         {1, {ps}, {"ucompose: error: service \"a\" has no container with index 3"}}},
        {"between two services: before any podman command", copy_of("a:/x", "b:/y"), {},
         {1, {}, {"ucompose: error: cp: copying between services is not supported: a:/x b:/y"}}},
        {"no service on either side", copy_of("/x", "nope:/y"), {},
         {1, {}, {"ucompose: error: cp: one of /x and nope:/y must be SERVICE:PATH with a service of the project"}}},
        {"listing the containers fails", copy_of("a:/x", "/tmp/x"),
         {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {1, {ps}, {"ucompose: error: list containers: database is locked"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        check_copy(c.options, c.replies, c.expected);
    }
}

// Fixed with this test (was an engine bug): docker compose's `cp -a` keeps the source's uid/gid
// ("Archive mode (copy all uid/gid information)"); without -a the files belong to the
// destination's user. podman cp's --archive is the opposite switch and on by default ("Chown
// copied files to the primary uid/gid of the destination container", default true), so podman's
// default already is docker's default, and docker's -a is podman's --archive=false. The engine
// passes --archive for -a, which changes nothing.
TEST_CASE("cp -a: docker compose's archive mode (keep uid/gid) is podman's --archive=false",
          "[engine][cp]") {
    const std::string ps = ps_line(load_yaml(kTwo));
    CopyOptions o = copy_of("./data", "a:/data");
    o.archive = true;
    check_copy(o, {}, {0, {ps, "cp --archive=false ./data p_a_1:/data"}});
}
