// The sub-key tables of build, deploy and a network attachment (model/keys/sub_keys.hpp): each
// sub-key read, a known unsupported one warned as such, an unknown one warned as unknown, and an
// x- extension skipped where the compose spec allows one (build, deploy, a network) and unknown
// where it does not (deploy.resources.*, deploy.restart_policy).
#include <catch2/catch.hpp>

#include "../compose_fixture.hpp"

using namespace compose_test;

TEST_CASE("sub-keys: read, unsupported, unknown and x- in build, deploy and networks", "[keys][loader]") {
    TempDir dir;
    dir.write("compose.yaml", R"(services:
  web:
    build:
      context: .
      tags: [t:1]
      args: {A: "1", B: null}
      isolation: hyperv
      contxt: .
      x-b: 1
    deploy:
      replicas: 2
      resources:
        limits: {memory: 64M, pids: 9, x-l: 1, devices: []}
      restart_policy: {condition: on-failure, max_attempts: 3, delay: 5s}
      placement: {}
      x-d: 1
    networks:
      default:
        aliases: [w]
        driver_opts: {}
        x-n: 1
        alias: [v]
)");
    Loaded l = load(options_in(dir));
    for (std::string& w : l.warnings) replace_all(w, dir.path(), "$DIR");
    CHECK(l.warnings == std::vector<std::string>{
                            "$DIR/compose.yaml:7:7: services.web.build: 'isolation' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:8:7: services.web.build: unknown key 'contxt', ignored",
                            "$DIR/compose.yaml:13:40: services.web.deploy.resources.limits: unknown key 'x-l', ignored",
                            "$DIR/compose.yaml:13:48: services.web.deploy.resources.limits: 'devices' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:14:64: services.web.deploy.restart_policy: 'delay' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:15:7: services.web.deploy: 'placement' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:20:9: services.web.networks.default: 'driver_opts' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:22:9: services.web.networks.default: unknown key 'alias', ignored",
                        });
    const auto& web = l.project.service("web");
    REQUIRE(web.build);
    CHECK(web.build->tags == std::vector<std::string>{"t:1"});
    CHECK(web.build->args.at("A") == std::optional<std::string>("1"));
    CHECK_FALSE(web.build->args.at("B"));
    REQUIRE(web.deploy);
    CHECK(web.deploy->replicas == std::optional<int>(2));
    CHECK(web.deploy->limits.memory == std::optional<int64_t>(64 * 1024 * 1024));
    CHECK(web.deploy->limits.pids == std::optional<int64_t>(9));
    CHECK(web.deploy->restart_policy_condition == std::optional<std::string>("on-failure"));
    CHECK(web.deploy->restart_policy_max_attempts == std::optional<int>(3));
    CHECK(web.networks.at("default").aliases == std::vector<std::string>{"w"});
}
