#include <catch2/catch.hpp>

#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/plan.hpp"

using namespace ucompose;

namespace {

Project project() {
    Project p;
    p.name = "p";
    p.working_dir = "/w";
    for (const char* n : {"db", "web", "worker"}) {
        Service s;
        s.name = n;
        s.image = "img";
        p.services[n] = s;
    }
    p.services["web"].depends_on["db"] = DependsOn{};
    p.services["worker"].scale = 2;
    NetworkDef def;
    def.name = "p_default";
    p.networks["default"] = def;
    VolumeDef vol;
    vol.name = "p_data";
    p.volumes["data"] = vol;
    VolumeMount m;
    m.source = "data";
    m.target = "/var/lib/db";
    p.services["db"].volumes.push_back(m);
    return p;
}

ObservedContainer observed(const Project& p, const std::string& svc, int n, const std::string& state,
                           const std::string& hash) {
    ObservedContainer c;
    c.name = p.name + "_" + svc + "_" + std::to_string(n);
    c.id = c.name + "-id";
    c.state = state;
    c.labels = container_labels(p, p.services.count(svc) ? p.services.at(svc) : Service{}, n, hash);
    c.labels[label::kService] = svc;
    return c;
}

}  // namespace

TEST_CASE("plan: a fresh project creates everything") {
    Project p = project();
    PlanInput in{&p, p.service_names(), {}, {}, {}, {{"db", "h1"}, {"web", "h2"}, {"worker", "h3"}}, {}};
    CHECK(describe(plan_up(in)) ==
          "network create default\n"
          "volume create data\n"
          "create p_db_1 (missing)\n"
          "create p_web_1 (missing)\n"
          "create p_worker_1 (missing)\n"
          "create p_worker_2 (missing)\n");
}

TEST_CASE("plan: unchanged running containers are kept, changed ones recreated, stopped ones started") {
    Project p = project();
    PlanInput in{&p, p.service_names(),
                 {observed(p, "db", 1, "running", "h1"), observed(p, "web", 1, "running", "OLD"),
                  observed(p, "worker", 1, "exited", "h3"), observed(p, "worker", 3, "running", "h3"),
                  observed(p, "gone", 1, "running", "x")},
                 {"p_default"},
                 {"p_data"},
                 {{"db", "h1"}, {"web", "h2"}, {"worker", "h3"}},
                 {}};
    CHECK(describe(plan_up(in)) ==
          "orphan keep p_gone_1\n"
          "keep p_db_1 (running)\n"
          "recreate p_web_1 (configuration changed)\n"
          "remove p_worker_3 (scaled down)\n"
          "start p_worker_1 (exited)\n"
          "create p_worker_2 (missing)\n");
}

TEST_CASE("plan: --force-recreate, --no-recreate, --remove-orphans") {
    Project p = project();
    std::vector<ObservedContainer> cs{observed(p, "db", 1, "running", "h1"), observed(p, "web", 1, "running", "OLD"),
                                      observed(p, "gone", 1, "exited", "x")};
    PlanInput in{&p, {"db", "web"}, cs, {"p_default"}, {"p_data"}, {{"db", "h1"}, {"web", "h2"}}, {}};
    in.policy.no_recreate = true;
    in.policy.remove_orphans = true;
    CHECK(describe(plan_up(in)) ==
          "orphan remove p_gone_1\n"
          "keep p_db_1 (running)\n"
          "keep p_web_1 (running)\n");
    in.policy = {};
    in.policy.force_recreate = true;
    CHECK(describe(plan_up(in)) ==
          "orphan keep p_gone_1\n"
          "recreate p_db_1 (--force-recreate)\n"
          "recreate p_web_1 (--force-recreate)\n");
}

TEST_CASE("plan: a missing external network is an error") {
    Project p = project();
    p.networks["default"].external = true;
    PlanInput in{&p, {"web"}, {}, {}, {}, {}, {}};
    CHECK(describe(plan_up(in)) ==
          "error network p_default declared as external, but could not be found\n"
          "create p_web_1 (missing)\n");
}

TEST_CASE("plan_images: build when missing or asked, pull policies") {
    Project p = project();
    p.services["web"].image.reset();
    p.services["web"].build = BuildConfig{"/src"};
    p.services["db"].pull_policy = "never";
    p.services["worker"].pull_policy = "always";
    std::vector<ObservedImage> none;
    ImagePlan a = plan_images(p, p.service_names(), none, {});
    CHECK(a.services["web"] == ImageAction::Build);
    CHECK(a.services["worker"] == ImageAction::Pull);
    REQUIRE(a.errors.size() == 1);
    CHECK(a.errors[0] == "db: image img is not present locally and pull policy is never");

    std::vector<ObservedImage> all{{"id1", {"localhost/img:latest"}, {}}, {"id2", {"localhost/p_web:latest"}, {}}};
    ImagePlan b = plan_images(p, p.service_names(), all, {});
    CHECK(b.services["web"] == ImageAction::None);
    CHECK(b.services["db"] == ImageAction::None);
    CHECK(b.errors.empty());
    UpPolicy build;
    build.build = true;
    CHECK(plan_images(p, {"web"}, all, build).services["web"] == ImageAction::Build);
}
