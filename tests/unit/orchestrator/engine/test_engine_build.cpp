// `build` over a scripted client: one `podman build` per selected service with a build: section,
// tagged with its image name (image:, else <project>_<service>), the CLI's --build-arg over the
// file's, --no-cache and --pull; a failure names the service and exits 1 (podman's status in compat).
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

// The build context "." of a project read from stdin in /tmp is /tmp.
const char* kBuilds = R"(
services:
  named:
    build: .
    image: registry.example/named:1
  unnamed:
    build: .
  pulled:
    image: docker.io/library/busybox:latest
  dev:
    build:
      context: .
      dockerfile: Containerfile.dev
      target: dev
      args:
        MODE: file
        KEEP: kept
)";

BuildOptions build_of(std::vector<std::string> services = {}) {
    BuildOptions o;
    o.services = std::move(services);
    return o;
}

}  // namespace

TEST_CASE("build: which services, the podman build line, exit code and words of a failure",
          "[engine][build][compat]") {
    BuildOptions fresh = build_of({"unnamed"});
    fresh.no_cache = true;
    fresh.pull = true;
    BuildOptions args = build_of({"unnamed"});
    args.build_args = {"A=1", "B"};
    BuildOptions over = build_of({"dev"});
    over.build_args = {"MODE=cli"};
    const PodmanResult step_failed = failed(125, "Error: building at STEP \"RUN false\": exit status 1\n");
    const std::string unnamed_failed =
        "ucompose: error: service \"unnamed\": build of p_unnamed failed: building at STEP \"RUN false\": exit status 1";
    struct Case {
        const char* name;
        bool podman_compose;
        BuildOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        {"every built service", false, build_of({"named", "unnamed", "pulled"}), {},
         {.lines = {"build -t registry.example/named:1 /tmp", "build -t p_unnamed /tmp"}, .any_order = true}},
        {"a service without build: is not built", false, build_of({"pulled"}), {}, {.lines = {}}},
        {"--no-cache --pull", false, fresh, {}, {.lines = {"build -t p_unnamed --no-cache --pull=always /tmp"}}},
        // A bare --build-arg B is passed bare: podman takes its value from the environment.
        {"--build-arg K=V and K", false, args, {}, {.lines = {"build -t p_unnamed --build-arg A=1 --build-arg B /tmp"}}},
        {"dockerfile, target, the file's args under the CLI's", false, over, {},
         {.lines = {"build -t p_dev -f /tmp/Containerfile.dev --build-arg KEEP=kept --build-arg MODE=cli --target dev /tmp"}}},
        {"a failed build: 1", false, build_of({"unnamed"}), {{{"build"}, step_failed}},
         {.code = 1, .lines = {"build -t p_unnamed /tmp"}, .errors = {unnamed_failed}}},
        {"a failed build in compat mode: podman's 125", true, build_of({"unnamed"}), {{{"build"}, step_failed}},
         {.code = 125, .lines = {"build -t p_unnamed /tmp"}, .errors = {unnamed_failed}}},
        {"one fails, the other is still built", false, build_of({"named", "unnamed"}),
         {{{"build", "-t", "p_unnamed"}, step_failed}},
         {.code = 1,
          .lines = {"build -t registry.example/named:1 /tmp", "build -t p_unnamed /tmp"},
          .errors = {unnamed_failed},
          .any_order = true}},
        {"a killed build: 1", false, build_of({"named"}), {{{"build"}, killed()}},
         {.code = 1,
          .lines = {"build -t registry.example/named:1 /tmp"},
          .errors = {"ucompose: error: service \"named\": build of registry.example/named:1 failed: exit status 137"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kBuilds));
        h.session.podman_compose = c.podman_compose;
        accept(*h.client, {{"build"}});
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return build(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}
