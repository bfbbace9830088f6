// Golden `ucompose config` outputs of the whole loader (orchestrator/model/loader.cpp):
// discovery, .env, interpolation, merge, extends, profiles. The goldens are written by hand;
// tests/unit/data/compose/DIFFERENCES.md says how, and where they differ from docker compose
// on purpose. The load options of each are in config_cases.hpp.
#include <catch2/catch.hpp>

#include <algorithm>

#include "config_cases.hpp"
#include "orchestrator/model/graph.hpp"
#include "orchestrator/podman/container_args.hpp"

using namespace compose_test;
using ucompose::LoadOptions;

namespace {

void check_golden(const Loaded& l, const std::string& golden) {
    std::string actual = config_yaml(l.project, data_dir());
    INFO("actual output:\n" << actual);
    CHECK(matches_golden(actual, data_dir() + "/" + golden));
}

bool has_warning(const Loaded& l, const std::string& part) {
    return std::any_of(l.warnings.begin(), l.warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("golden: default discovery merges compose.override.yaml", "[config][golden]") {
    Loaded l = load(golden_case("merge/expected.yaml").options);
    check_golden(l, "merge/expected.yaml");
    CHECK(l.project.config_files.size() == 2);
    CHECK(l.project.name == "merge-demo");
}

TEST_CASE("golden: three -f files with !reset and !override", "[config][golden]") {
    Loaded l = load(golden_case("merge/expected-three.yaml").options);
    check_golden(l, "merge/expected-three.yaml");
    CHECK(l.project.services.count("cache") == 0);
}

TEST_CASE("golden: -f files resolve paths against the first file's directory", "[config][golden]") {
    LoadOptions o;
    o.working_dir = "/";
    o.files = {data_dir() + "/merge/compose.yaml", data_dir() + "/merge/other/second.yaml"};
    Loaded l = load(o);
    const ucompose::Service& web = l.project.service("web");
    CHECK(web.volumes.back().source == data_dir() + "/merge/local");
    CHECK(web.build->context == data_dir() + "/merge/app");
    CHECK(web.env_file.back().path == data_dir() + "/merge/web.env");
    CHECK(l.project.working_dir == data_dir() + "/merge");
}

TEST_CASE("golden: extends in the same file and across files", "[config][golden]") {
    Loaded l = load(golden_case("extends/expected.yaml").options);
    check_golden(l, "extends/expected.yaml");
}

TEST_CASE("golden: profiles", "[config][golden][profiles]") {
    SECTION("no profile: services without profiles only") {
        Loaded l = load(golden_case("profiles/expected-none.yaml").options);
        check_golden(l, "profiles/expected-none.yaml");
        CHECK(has_warning(l, "skips its optional dependency 'helper'"));
        CHECK(l.project.disabled_services.size() == 3);
    }
    SECTION("--profile debug pulls in the dependency from another profile") {
        Loaded l = load(golden_case("profiles/expected-debug.yaml").options);
        check_golden(l, "profiles/expected-debug.yaml");
        CHECK(l.project.services.count("helper") == 1);
    }
    SECTION("COMPOSE_PROFILES from the shell, comma separated") {
        LoadOptions o = in_dir("profiles");
        o.environment["COMPOSE_PROFILES"] = "tools,ops";
        Loaded l = load(o);
        CHECK(l.project.service_names() ==
              std::vector<std::string>{"admin", "app", "db", "helper", "optional-user"});
        CHECK(l.project.active_profiles == std::vector<std::string>{"ops", "tools"});
    }
    SECTION("a named service enables its profile and pulls in its dependencies") {
        LoadOptions o = in_dir("profiles");
        o.services = {"admin"};
        Loaded l = load(o);
        CHECK(l.project.service_names() == std::vector<std::string>{"admin", "db"});
        CHECK(l.project.active_profiles == std::vector<std::string>{"debug", "ops"});
    }
    SECTION("--no-deps keeps only the named service") {
        LoadOptions o = in_dir("profiles");
        o.services = {"debug"};
        o.with_dependencies = false;
        Loaded l = load(o);
        CHECK(l.project.service_names() == std::vector<std::string>{"debug"});
    }
    SECTION("* enables every profile") {
        LoadOptions o = in_dir("profiles");
        o.profiles = {"*"};
        CHECK(load(o).project.services.size() == 6);
    }
    SECTION("all profiles are listed") {
        Loaded l = load(in_dir("profiles"));
        CHECK(l.project.all_profiles() == std::vector<std::string>{"debug", "ops", "tools"});
    }
}

TEST_CASE("golden: .env precedence", "[config][golden][dotenv]") {
    SECTION("the shell beats .env, and .env values reference earlier ones") {
        Loaded l = load(golden_case("dotenv/expected.yaml").options);
        check_golden(l, "dotenv/expected.yaml");
    }
    SECTION("--env-file replaces .env") {
        LoadOptions o = in_dir("dotenv");
        o.env_files = {"alt.env"};
        Loaded l = load(o);
        CHECK(l.project.name == "alt-project");
        CHECK(*l.project.service("app").image == "alt.example/app:latest");
        CHECK(has_warning(l, "The \"SHELL_WINS\" variable is not set"));
    }
    SECTION("-p beats COMPOSE_PROJECT_NAME beats name:") {
        LoadOptions o = in_dir("dotenv");
        o.environment["COMPOSE_PROJECT_NAME"] = "from_env";
        CHECK(load(o).project.name == "from_env");
        o.project_name = "cli-name";
        CHECK(load(o).project.name == "cli-name");
    }
    SECTION("an explicit project name must be valid as written (docker compose); a directory name is normalised") {
        LoadOptions o = in_dir("dotenv");
        o.environment["COMPOSE_PROJECT_NAME"] = "From_Env";
        CHECK_THROWS_WITH(load(o), Catch::Contains("invalid project name \"From_Env\" (COMPOSE_PROJECT_NAME)"));
        o.project_name = "../../etc";
        CHECK_THROWS_WITH(load(o), Catch::Contains("invalid project name \"../../etc\" (-p)"));
    }
}

TEST_CASE("golden: environment list and map forms, env_file", "[config][golden][env]") {
    Loaded l = load(golden_case("envforms/expected.yaml").options);
    check_golden(l, "envforms/expected.yaml");
}

TEST_CASE("golden: depends_on short and long, healthcheck, x-ucompose", "[config][golden][depends]") {
    Loaded l = load(golden_case("depends/expected.yaml").options);
    check_golden(l, "depends/expected.yaml");
    const ucompose::Service& cache = l.project.service("cache");
    REQUIRE(cache.ucompose);
    CHECK(*cache.ucompose->unikernel == "redis-server");
    CHECK(*cache.ucompose->probe_tcp == 6379);
    const ucompose::Healthcheck& h = *l.project.service("db").healthcheck;
    CHECK(*h.interval == std::chrono::seconds(90));
    CHECK(*h.timeout == std::chrono::milliseconds(500));
    CHECK(*h.retries == 5);
    auto levels = ucompose::start_levels(l.project);
    CHECK(levels == std::vector<std::vector<std::string>>{{"cache", "db"}, {"migrate", "short"}, {"long"}});
    CHECK(ucompose::stop_order(l.project) ==
          std::vector<std::string>{"long", "short", "migrate", "db", "cache"});
}

TEST_CASE("golden: the seed's compose file", "[config][golden][seed]") {
    Loaded l = load(golden_case("seed/expected.yaml").options);
    check_golden(l, "seed/expected.yaml");
    CHECK(has_warning(l, "unikernel-deploy.yaml:10:5: services.publisher: 'depends-on' is not a compose key"));
    CHECK(has_warning(l, "unikernel-deploy.yaml:1:1: version: the attribute `version` is obsolete"));
    CHECK(l.project.service("subscriber").environment.at("PORT") == std::optional<std::string>(""));
    CHECK(ucompose::start_levels(l.project) ==
          std::vector<std::vector<std::string>>{{"redis-mq"}, {"publisher", "subscriber"}});
}

TEST_CASE("golden: secrets and configs, and their podman args", "[config][golden][secrets]") {
    Loaded l = load(golden_case("secrets/expected.yaml").options);
    check_golden(l, "secrets/expected.yaml");
    const std::string dir = data_dir() + "/secrets";
    ucompose::FileObjectArgs web = ucompose::file_object_args(l.project, l.project.service("web"));
    CHECK(web.binds == std::vector<std::string>{
                           dir + "/secrets/db_password.txt:/run/secrets/db_password:ro",
                           "/home/tester/keys/api.txt:/run/secrets/custom/key:ro",
                           "/srv/certs/web.pem:/etc/ssl/web.pem:ro",
                           dir + "/nginx.conf:/nginx_conf:ro",
                           dir + "/nginx.conf:/etc/nginx/nginx.conf:ro",
                       });
    CHECK(web.secrets.empty());
    ucompose::FileObjectArgs worker = ucompose::file_object_args(l.project, l.project.service("worker"));
    CHECK(worker.binds.empty());
    CHECK(worker.secrets ==
          std::vector<std::string>{"prod_vault_token,type=mount,target=token,uid=1000,gid=1000,mode=0400"});
}

TEST_CASE("golden: keys passed to podman as they are", "[config][golden][passthrough]") {
    Loaded l = load(golden_case("passthrough/expected.yaml").options);
    check_golden(l, "passthrough/expected.yaml");
    CHECK(l.warnings.empty());
    ucompose::ContainerSpec spec;
    spec.name = "p_app_1";
    spec.image = "busybox";
    sys::Argv a = ucompose::container_args(l.project.service("app"), spec);
    std::string joined;
    for (const auto& w : a) joined += (joined.empty() ? "" : " ") + w;
    for (const char* want :
         {"--cgroupns private", "--cgroup-parent machine.slice", "--cpu-period 100000", "--cpu-quota 50000",
          "--cpu-shares 512", "--cpuset-cpus 0-1", "--device-cgroup-rule c 1:3 mr", "--device-cgroup-rule a 7:* rmw",
          "--mac-address 92:d0:c6:0a:29:33", "--memory-swappiness 0", "--oom-kill-disable", "--oom-score-adj -500",
          "--storage-opt size=1G", "--userns keep-id", "--uts host"}) {
        INFO(want);
        CHECK(joined.find(want) != std::string::npos);
    }
    sys::Argv q = ucompose::container_args(l.project.service("quiet"), spec);
    CHECK(std::find(q.begin(), q.end(), "--oom-kill-disable") == q.end());
}

TEST_CASE("golden: include", "[config][golden][include]") {
    Loaded l = load(golden_case("include/expected.yaml").options);
    check_golden(l, "include/expected.yaml");
    CHECK(*l.project.service("db").image == "postgres:16-from-sub-env");
    CHECK(l.project.volumes.count("cache") == 1);
}
