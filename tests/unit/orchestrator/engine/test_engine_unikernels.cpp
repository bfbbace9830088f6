// `up` fetches the unikernels services boot by registry name before it creates anything
// (docs/registry.md, "Remote registry"), over a scripted client and a fake registry.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

// api boots "api-uk" by x-ucompose.unikernel; worker and again boot "worker-uk" by SERVICE_NAME
// on the tracker image; web is an ordinary container.
const char* kMixed = R"(
services:
  api:
    image: docker.io/library/busybox:latest
    x-ucompose:
      unikernel: api-uk
  worker:
    image: localhost/ucompose/unikernel-tracker:latest
    environment:
      SERVICE_NAME: worker-uk
  again:
    image: localhost/ucompose/unikernel-tracker:latest
    environment:
      SERVICE_NAME: worker-uk
  web:
    image: docker.io/library/busybox:latest
    environment:
      SERVICE_NAME: not-a-unikernel
)";

class FakeRegistry : public UnikernelSource {
public:
    std::set<std::string> local;
    bool remote = true;
    std::set<std::string> fail;  // names whose pull throws
    std::vector<std::string> pulled;
    bool has_remote() const override { return remote; }
    std::string local_root() const override { return "/var/lib/ucrun/registry"; }
    bool installed(const std::string& name) const override { return local.count(name) > 0; }
    void pull(const std::string& name) override {
        pulled.push_back(name);
        if (fail.count(name)) throw sys::Error("registry http://127.0.0.1:5999/v2/ is not reachable (connection refused)");
        local.insert(name);
    }
};

struct UpRun {
    Outcome outcome;
    std::vector<std::string> actions;
};

// `up -d` of kMixed over a fresh scripted client and `reg`.
UpRun up_over(const std::shared_ptr<FakeRegistry>& reg) {
    Harness h(load_yaml(kMixed));
    h.session.unikernels = reg;
    script_fresh(*h.client, h.project());
    accept(*h.client, kUpCommands);
    Outcome r = run_main([&] { return up(h.session, detached()); });
    return {r, actions(*h.client)};
}

bool creates_anything(const std::vector<std::string>& actions) {
    for (const auto& a : actions)
        if (a.rfind("create", 0) == 0 || a.rfind("network create", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("unikernels_by_name: SERVICE_NAME or x-ucompose.unikernel of unikernel services, once each", "[engine][unikernel]") {
    Project p = load_yaml(kMixed);
    auto named = unikernels_by_name(p, p.service_names(), {});
    REQUIRE(named.size() == 2);
    CHECK(named[0].service == "again");
    CHECK(named[0].name == "worker-uk");
    CHECK(named[1].service == "api");
    CHECK(named[1].name == "api-uk");
}

TEST_CASE("unikernels_by_name: a tracker under its own tag (io.ucrun.tracker.hash) counts; an image that carries its unikernel does not",
          "[engine][unikernel]") {
    Project p = load_yaml(R"(
services:
  seed:
    image: localhost/my-tracker:1
    environment:
      SERVICE_NAME: seed-uk
  packed:
    image: localhost/packed:1
    environment:
      SERVICE_NAME: packed-uk
)");
    ObservedImage tracker{"sha256:1", {"localhost/my-tracker:1"}, {{"io.ucrun.tracker.hash", "sha256:0"}}, 1};
    ObservedImage packed{"sha256:2", {"localhost/packed:1"}, {{"io.ucrun.unikernel.kind", "linux"}}, 1};
    CHECK(unikernels_by_name(p, p.service_names(), {}).empty());
    auto named = unikernels_by_name(p, p.service_names(), {tracker, packed});
    REQUIRE(named.size() == 1);
    CHECK(named[0].service == "seed");
    CHECK(named[0].name == "seed-uk");
}

TEST_CASE("up: missing unikernels are pulled before anything is created; present ones are not", "[engine][unikernel]") {
    auto reg = std::make_shared<FakeRegistry>();
    reg->local = {"api-uk"};
    UpRun run = up_over(reg);
    INFO(run.outcome.err);
    CHECK(run.outcome.code == 0);
    CHECK(reg->pulled == std::vector<std::string>{"worker-uk"});
    CHECK_THAT(run.outcome.err, Catch::Contains(" Unikernel worker-uk  Pulled"));
    CHECK(has(run.actions, "create p_worker_1"));
}

TEST_CASE("up: a failed pull stops up before any network or container exists, naming service and unikernel",
          "[engine][unikernel]") {
    auto reg = std::make_shared<FakeRegistry>();
    reg->fail = {"api-uk"};
    UpRun run = up_over(reg);
    CHECK(run.outcome.code != 0);
    REQUIRE(run.outcome.errors().size() == 1);
    CHECK_THAT(run.outcome.errors()[0],
               Catch::Contains("service \"api\": unikernel \"api-uk\": registry http://127.0.0.1:5999/v2/ is not reachable"));
    CHECK_FALSE(creates_anything(run.actions));
}

TEST_CASE("up: without a remote registry a missing unikernel is one error before anything is created",
          "[engine][unikernel]") {
    auto reg = std::make_shared<FakeRegistry>();
    reg->remote = false;
    reg->local = {"api-uk"};
    UpRun run = up_over(reg);
    CHECK(run.outcome.code != 0);
    REQUIRE(run.outcome.errors().size() == 1);
    CHECK_THAT(run.outcome.errors()[0], Catch::Contains("service \"again\": unknown unikernel \"worker-uk\": not in "
                                                        "the local registry /var/lib/ucrun/registry"));
    CHECK(reg->pulled.empty());
    CHECK_FALSE(creates_anything(run.actions));
}
