// `pull` over a scripted client: one `podman pull -q` per distinct image of the selected services
// that name one (docker compose: not pull_policy never or build), all at once; failures name the
// service and exit 1 (podman's status in podman-compose's mode), or warn with --ignore-pull-failures.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const char* kPulls = R"(
services:
  again:
    image: docker.io/library/busybox:latest
  from_source:
    build: .
    image: localhost/from-source:1
    pull_policy: build
  named:
    build: .
    image: registry.example/named:1
  never:
    image: localhost/never:1
    pull_policy: never
  pulled:
    image: docker.io/library/busybox:latest
  unnamed:
    build: .
)";

const std::string kBusybox = "pull -q docker.io/library/busybox:latest";
const std::string kNamed = "pull -q registry.example/named:1";
const PodmanResult kUnknown = failed(125, "Error: initializing source: manifest unknown\n");

PullOptions pull_of(std::vector<std::string> services = {}) {
    PullOptions o;
    o.services = std::move(services);
    return o;
}

void check_pull(const char* yaml, bool podman_compose, const PullOptions& options, const Replies& replies,
                const Expected& expected) {
    Harness h(load_yaml(yaml));
    h.session.podman_compose = podman_compose;
    accept(*h.client, {{"pull"}});
    script(*h.client, replies);
    Outcome r = run_main([&] { return pull(h.session, options); });
    check_outcome(r, *h.client, expected);
}

}  // namespace

TEST_CASE("pull: which images, once each; exit code and words of a failure", "[engine][pull][compat]") {
    PullOptions ignoring = pull_of();
    ignoring.ignore_failures = true;
    const std::string busybox_failed =
        "service \"again\": pull of docker.io/library/busybox:latest failed: initializing source: manifest unknown";
    struct Case {
        const char* name;
        bool podman_compose;
        PullOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        // A service with build: and image: is pulled too (docker compose, without --ignore-buildable).
        {"every image named, once", false, pull_of(), {}, {.lines = {kBusybox, kNamed}, .any_order = true}},
        {"the named services only", false, pull_of({"pulled", "unnamed"}), {}, {.lines = {kBusybox}}},
        {"pull_policy: never is not pulled", false, pull_of({"never"}), {}, {.lines = {}}},
        {"pull_policy: build is not pulled", false, pull_of({"from_source"}), {}, {.lines = {}}},
        {"a failed pull: 1", false, pull_of(), {{{"pull", "-q", "docker.io/library/busybox:latest"}, kUnknown}},
         {.code = 1, .lines = {kBusybox, kNamed}, .errors = {"ucompose: error: " + busybox_failed}, .any_order = true}},
        {"a failed pull in compat mode: podman's 125", true, pull_of(),
         {{{"pull", "-q", "docker.io/library/busybox:latest"}, kUnknown}},
         {.code = 125, .lines = {kBusybox, kNamed}, .errors = {"ucompose: error: " + busybox_failed}, .any_order = true}},
        {"--ignore-pull-failures: a warning, 0", false, ignoring,
         {{{"pull", "-q", "docker.io/library/busybox:latest"}, kUnknown}},
         {.lines = {kBusybox, kNamed}, .warnings = {"ucompose: warning: " + busybox_failed}, .any_order = true}},
        {"a killed pull: 1", false, pull_of({"named"}), {{{"pull"}, killed()}},
         {.code = 1,
          .lines = {kNamed},
          .errors = {"ucompose: error: service \"named\": pull of registry.example/named:1 failed: exit status 137"}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        check_pull(kPulls, c.podman_compose, c.options, c.replies, c.expected);
    }
}

// Fixed with this test (was an engine bug): PullOptions::include_deps (--include-deps) is read
// nowhere, and the CLI does not load the project with the named services' dependencies either,
// so `pull --include-deps web` pulls web's image only; docker compose pulls db's too.
TEST_CASE("pull --include-deps: the named services' dependencies are pulled too", "[engine][pull]") {
    const char* yaml = R"(
services:
  db:
    image: docker.io/library/postgres:16
  web:
    image: docker.io/library/busybox:latest
    depends_on: [db]
)";
    PullOptions o = pull_of({"web"});
    o.include_deps = true;
    check_pull(yaml, false, o, {},
               {.lines = {kBusybox, "pull -q docker.io/library/postgres:16"}, .any_order = true});
}

// Fixed with this test (was an engine bug): an unknown service named to `pull` is silently
// ignored (exit 0, nothing pulled); docker compose stops with "no such service: nope".
TEST_CASE("pull: an unknown service is docker compose's error", "[engine][pull]") {
    check_pull(kPulls, false, pull_of({"nope"}), {}, {.code = 1, .lines = {}, .errors = {"ucompose: error: no such service: nope"}});
}
