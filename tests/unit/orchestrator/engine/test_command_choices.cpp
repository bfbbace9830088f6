// The commands' pure choices: up's attached services and --scale, restart's dependents, cp's sides, ps's CREATED.
#include <catch2/catch.hpp>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/table.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucompose;

TEST_CASE("up: attached services", "[up]") {
    UpOptions o;
    CHECK(attaches_to(o, "web"));  // nothing named: every service
    o.services = {"web"};
    CHECK(attaches_to(o, "web"));
    CHECK_FALSE(attaches_to(o, "db"));  // a dependency started for web is not attached
    o.attach = {"db"};
    CHECK(attaches_to(o, "db"));  // --attach wins over the named services
    CHECK_FALSE(attaches_to(o, "web"));
    o.attach.clear();
    o.services.clear();
    o.no_attach = {"db"};
    CHECK_FALSE(attaches_to(o, "db"));
    CHECK(attaches_to(o, "web"));
    o.attach = {"db"};
    CHECK_FALSE(attaches_to(o, "db"));  // --no-attach wins over --attach
}

TEST_CASE("up: --scale", "[up]") {
    Project p;
    p.services["web"].name = "web";
    p.services["db"].name = "db";
    p.services["db"].container_name = "the-db";
    apply_scale(p, {"web=3", "db=1"});
    CHECK(p.services["web"].replicas() == 3);
    CHECK(p.services["db"].replicas() == 1);
    apply_scale(p, {"web=0"});
    CHECK(p.services["web"].replicas() == 0);

    auto error = [&](const std::string& spec) { return error_of([&] { apply_scale(p, {spec}); }); };
    CHECK(error("web") == "--scale web: expected SERVICE=NUM");
    CHECK(error("web=-1") == "--scale web=-1: expected SERVICE=NUM");
    CHECK(error("web=two") == "--scale web=two: expected SERVICE=NUM");
    CHECK(error("=2") == "--scale =2: expected SERVICE=NUM");
    CHECK(error("ghost=2") == "--scale ghost=2: no such service: ghost");
    CHECK(error("db=2") ==
          "--scale db=2: service \"db\" sets container_name 'the-db', so it cannot run 2 containers");
}

TEST_CASE("restart: dependents with depends_on restart: true come along", "[restart]") {
    Project p;
    for (const char* n : {"db", "api", "web", "cron"}) p.services[n].name = n;
    DependsOn restart;
    restart.restart = true;
    p.services["api"].depends_on["db"] = restart;
    p.services["web"].depends_on["api"] = restart;  // transitively
    p.services["cron"].depends_on["db"] = DependsOn{};  // restart: false
    CHECK(with_restart_dependents(p, {"db"}) == std::vector<std::string>{"api", "db", "web"});
    CHECK(with_restart_dependents(p, {"api"}) == std::vector<std::string>{"api", "web"});
    CHECK(with_restart_dependents(p, {"cron"}) == std::vector<std::string>{"cron"});
}

TEST_CASE("cp: which side is the service", "[cp]") {
    auto svc = [](const std::string& n) { return n == "web" || n == "db"; };
    CopySides out = parse_copy_sides("web:/etc/hosts", "./hosts", svc);
    CHECK(out.service == "web");
    CHECK(out.container_path == "/etc/hosts");
    CHECK(out.host_path == "./hosts");
    CHECK_FALSE(out.into_container);
    CopySides in = parse_copy_sides("/tmp/a:b", "db:/data/", svc);  // a colon in a host path
    CHECK(in.service == "db");
    CHECK(in.into_container);
    CHECK(in.host_path == "/tmp/a:b");
    CHECK(in.container_path == "/data/");
    auto error = [&](const std::string& a, const std::string& b) {
        return error_of([&] { parse_copy_sides(a, b, svc); });
    };
    CHECK(error("web:/a", "db:/b") == "cp: copying between services is not supported: web:/a db:/b");
    CHECK(error("ghost:/a", "./b") ==
          "cp: one of ghost:/a and ./b must be SERVICE:PATH with a service of the project");
    CHECK(error("./x/web:/a", "./b") ==
          "cp: one of ./x/web:/a and ./b must be SERVICE:PATH with a service of the project");
}

TEST_CASE("ps: CREATED in docker's words", "[ps]") {
    CHECK(human_duration(0) == "Less than a second");
    CHECK(human_duration(1) == "1 second");
    CHECK(human_duration(59) == "59 seconds");
    CHECK(human_duration(60) == "About a minute");
    CHECK(human_duration(119) == "About a minute");
    CHECK(human_duration(120) == "2 minutes");
    CHECK(human_duration(59 * 60 + 59) == "59 minutes");
    CHECK(human_duration(3600) == "About an hour");
    CHECK(human_duration(5400) == "2 hours");  // 1.5 h rounds to 2
    CHECK(human_duration(47 * 3600) == "47 hours");
    CHECK(human_duration(48 * 3600) == "2 days");
    CHECK(human_duration(14 * 24 * 3600) == "2 weeks");
    CHECK(human_duration(60 * 24 * 3600) == "2 months");
    CHECK(human_duration(2LL * 365 * 24 * 3600) == "2 years");
}
