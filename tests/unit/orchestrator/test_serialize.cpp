// orchestrator/model/serialize.cpp: `ucompose config`'s YAML layout on a small project (the
// goldens cover the loader; this pins the writer's own choices, written out by hand).
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"

using namespace compose_test;

TEST_CASE("config yaml: docker compose's top-level order, byte sizes as strings, floats as Go prints them",
          "[config][serialize]") {
    TempDir dir;
    dir.write("compose.yaml", R"(name: layout
x-top: {b: 2, a: 1}
configs:
  app_conf:
    file: /etc/app.conf
secrets:
  token:
    file: /etc/token
volumes:
  data: {}
services:
  app:
    image: busybox
    mem_limit: 512m
    shm_size: 64m
    cpus: 2
    deploy:
      resources:
        limits:
          memory: 1g
          cpus: "0.5"
    volumes:
      - type: tmpfs
        target: /scratch
        tmpfs:
          size: 10m
      - data:/data
    secrets: [token]
    configs: [app_conf]
    command: ["echo", "$$HOME", "1", "yes"]
)");
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    Loaded l = load(o);
    CHECK(ucompose::project_to_yaml(l.project) ==
          "name: layout\n"
          "services:\n"
          "  app:\n"
          "    command:\n"
          "      - echo\n"
          "      - $$HOME\n"
          "      - \"1\"\n"
          "      - \"yes\"\n"
          "    configs:\n"
          "      - source: app_conf\n"
          "    cpus: 2\n"
          "    deploy:\n"
          "      resources:\n"
          "        limits:\n"
          "          cpus: 0.5\n"
          "          memory: \"1073741824\"\n"
          "    image: busybox\n"
          "    mem_limit: \"536870912\"\n"
          "    networks:\n"
          "      default: null\n"
          "    secrets:\n"
          "      - source: token\n"
          "    shm_size: \"67108864\"\n"
          "    volumes:\n"
          "      - target: /scratch\n"
          "        tmpfs:\n"
          "          size: \"10485760\"\n"
          "        type: tmpfs\n"
          "      - source: data\n"
          "        target: /data\n"
          "        type: volume\n"
          "networks:\n"
          "  default:\n"
          "    name: layout_default\n"
          "volumes:\n"
          "  data:\n"
          "    name: layout_data\n"
          "secrets:\n"
          "  token:\n"
          "    file: /etc/token\n"
          "configs:\n"
          "  app_conf:\n"
          "    file: /etc/app.conf\n"
          "x-top:\n"
          "  a: 1\n"
          "  b: 2\n");
    // --format json keeps its types: byte sizes as ints, '$' as loaded.
    nlohmann::json j = ucompose::project_to_json(l.project);
    CHECK(j["services"]["app"]["mem_limit"] == 536870912);
    CHECK(j["services"]["app"]["command"][1] == "$HOME");
}
