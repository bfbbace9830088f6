// `push` over a scripted client: one `podman push` per built service that names its image
// (docker compose), or per built service by the name its build tagged (podman-compose's mode);
// failures name the service and exit 1 (podman's status in compat), or warn when ignored.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const std::string kNamed = "push registry.example/named:1";
const std::string kUnnamed = "push p_unnamed";

PushOptions push_of(std::vector<std::string> services = {}) {
    PushOptions o;
    o.services = std::move(services);
    return o;
}

void check_push(const char* yaml, bool podman_compose, const PushOptions& options, const Replies& replies,
                const Expected& expected) {
    Harness h(load_yaml(yaml));
    h.session.podman_compose = podman_compose;
    accept(*h.client, {{"push"}});
    script(*h.client, replies);
    Outcome r = run_main([&] { return push(h.session, options); });
    check_outcome(r, *h.client, expected);
}

}  // namespace

TEST_CASE("push: docker compose pushes built services with image:, podman-compose every built one; failures",
          "[engine][push][compat]") {
    PushOptions ignoring = push_of();
    ignoring.ignore_failures = true;
    const PodmanResult no_image = failed(125, "Error: no such image\n");
    const std::string named_failed = "service \"named\": push of registry.example/named:1 failed: no such image";
    struct Case {
        const char* name;
        bool podman_compose;
        PushOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"docker compose: built and named", false, push_of(), {}, {.lines = {kNamed}}},
        {"podman-compose: every built one", true, push_of(), {}, {.lines = {kUnnamed, kNamed}, .any_order = true}},
        {"docker compose: a built service without image: is not pushed", false, push_of({"unnamed"}), {},
         {.lines = {}}},
        {"podman-compose: by the name its build tagged", true, push_of({"unnamed"}), {}, {.lines = {kUnnamed}}},
        {"an image only pulled is not pushed", true, push_of({"pulled"}), {}, {.lines = {}}},
        {"docker compose: push fails 125: 1", false, push_of(), {{{"push"}, no_image}},
         {.code = 1, .lines = {kNamed}, .errors = {"ucompose: error: " + named_failed}}},
        {"podman-compose: push fails 125: 125", true, push_of(), {{{"push", "registry.example/named:1"}, no_image}},
         {.code = 125, .lines = {kUnnamed, kNamed}, .errors = {"ucompose: error: " + named_failed}, .any_order = true}},
        {"--ignore-push-failures: a warning, 0", false, ignoring, {{{"push"}, no_image}},
         {.lines = {kNamed}, .warnings = {"ucompose: warning: " + named_failed}}},
        {"push killed: 1", false, push_of(), {{{"push"}, killed()}},
         {.code = 1,
          .lines = {kNamed},
          .errors = {"ucompose: error: service \"named\": push of registry.example/named:1 failed: exit status 137"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        check_push(kBuilt, c.podman_compose, c.options, c.replies, c.expected);
    }
}

// Fixed with this test (was an engine bug): docker compose pushes a built service's image: and
// every one of its build.tags (`tags := []string{service.Image}; tags = append(tags,
// service.Build.Tags...)` in its push); the engine pushes image: only.
TEST_CASE("push: build.tags are pushed with image:, as docker compose does", "[engine][push]") {
    const char* yaml = R"(
services:
  app:
    build:
      context: .
      tags: [registry.example/app:latest]
    image: registry.example/app:1
)";
    check_push(yaml, false, push_of(), {},
               {.lines = {"push registry.example/app:1", "push registry.example/app:latest"}, .any_order = true});
}
