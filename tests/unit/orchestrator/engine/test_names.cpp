#include <catch2/catch.hpp>

#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/observed.hpp"
#include "orchestrator/engine/ops.hpp"

using namespace ucompose;

TEST_CASE("names and labels follow podman-compose") {
    Project p;
    p.name = "demo";
    p.working_dir = "/srv/demo";
    p.config_files = {"/srv/demo/compose.yaml", "/srv/demo/override.yaml"};
    Service s;
    s.name = "redis-mq";
    CHECK(container_name(p, s, 2) == "demo_redis-mq_2");
    CHECK(image_name(p, s) == "demo_redis-mq");
    CHECK(display_name("redis-mq", 1) == "redis-mq-1");
    auto l = container_labels(p, s, 1, "abc");
    CHECK(l["io.podman.compose.project"] == "demo");
    CHECK(l["com.docker.compose.project"] == "demo");
    CHECK(l["com.docker.compose.service"] == "redis-mq");
    CHECK(l["com.docker.compose.container-number"] == "1");
    CHECK(l["com.docker.compose.project.working_dir"] == "/srv/demo");
    CHECK(l["com.docker.compose.project.config_files"] == "/srv/demo/compose.yaml,/srv/demo/override.yaml");
    CHECK(l["com.docker.compose.config-hash"] == "abc");
    CHECK(l.count("io.podman.compose.version") == 1);
    s.container_name = "fixed";
    CHECK(container_name(p, s, 1) == "fixed");
}

TEST_CASE("config_hash changes with the configuration and the image, not with scale") {
    Service s;
    s.name = "a";
    s.image = "img";
    std::string h = config_hash(s, "id1");
    // SHA-256 of the service's JSON, a newline and the image ID:
    // printf '{"image":"img"}\nid1' | sha256sum
    CHECK(h == "88ba1369bf37810ce72224a7da7af138821476ece1d78f25ebe8c6fb8f3a1e19");
    CHECK(config_hash(s, "id1") == h);
    CHECK(config_hash(s, "id2") != h);
    Service t = s;
    t.environment["X"] = "1";
    CHECK(config_hash(t, "id1") != h);
    Service u = s;
    u.scale = 3;
    CHECK(config_hash(u, "id1") == h);
}

TEST_CASE("image references match podman's listed names") {
    CHECK(image_reference_matches("busybox", "docker.io/library/busybox:latest"));
    CHECK(image_reference_matches("busybox:1", "localhost/busybox:1"));
    CHECK(image_reference_matches("localhost/x", "localhost/x:latest"));
    CHECK_FALSE(image_reference_matches("localhost/x", "docker.io/library/x:latest"));
    CHECK_FALSE(image_reference_matches("busybox:1", "docker.io/library/busybox:latest"));
    // Docker Hub's official images without library/ (podman-compose's suite names them so).
    CHECK(image_reference_matches("docker.io/python:3.11-slim", "docker.io/library/python:3.11-slim"));
    CHECK(image_reference_matches("docker.io/busybox", "docker.io/library/busybox:latest"));
    CHECK_FALSE(image_reference_matches("docker.io/python:3.11-slim", "docker.io/other/python:3.11-slim"));
    CHECK_FALSE(image_reference_matches("docker.io/me/python", "docker.io/library/python:latest"));
}

TEST_CASE("unikernel services: extension, image label, or the tracker with SERVICE_NAME") {
    Service s;
    s.name = "a";
    s.image = "localhost/x";
    CHECK_FALSE(is_unikernel(s, nullptr));
    ObservedImage img{"id", {"localhost/x:latest"}, {{"io.ucrun.unikernel.kind", "linux"}}};
    CHECK(is_unikernel(s, &img));
    s.image = "localhost/ucompose/unikernel-tracker:latest";
    CHECK_FALSE(is_unikernel(s, nullptr));
    s.environment["SERVICE_NAME"] = "redis-server";
    CHECK(is_unikernel(s, nullptr));
    Service t;
    t.name = "b";
    t.image = "alpine";
    t.ucompose = UcomposeExt{std::string("redis-server")};
    CHECK(is_unikernel(t, nullptr));
    Project p;
    p.name = "p";
    p.services["b"] = t;
    ContainerSpec spec = container_spec(p, t, 1, "h", nullptr);
    CHECK(spec.runtime == std::optional<std::string>("ucrun"));
    CHECK(spec.extra_env["SERVICE_NAME"] == "redis-server");
    CHECK(spec.pull == std::optional<std::string>("never"));
    CHECK(spec.networks == std::map<std::string, std::string>{{"default", "p_default"}});
}

TEST_CASE("podman JSON is parsed at the edge") {
    auto cs = parse_ps_json(R"([{"Id":"abc","Names":["p_a_1"],"Image":"img","ImageID":"iid","State":"exited",
        "ExitCode":42,"Labels":{"com.docker.compose.service":"a","com.docker.compose.container-number":"1"},
        "Ports":[{"host_ip":"","container_port":80,"host_port":8080,"range":1,"protocol":"tcp"}],
        "Command":["sh"]}])");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].name == "p_a_1");
    CHECK(cs[0].service() == "a");
    CHECK(cs[0].number() == 1);
    CHECK(cs[0].exit_code == 42);
    CHECK_FALSE(cs[0].running());
    CHECK(cs[0].ports == std::vector<std::string>{"0.0.0.0:8080->80/tcp"});
    CHECK(parse_ps_json("").empty());
    CHECK(parse_network_names(R"([{"name":"podman"},{"name":"p_default"}])") ==
          std::vector<std::string>{"podman", "p_default"});
    CHECK(parse_container_ip(R"([{"NetworkSettings":{"IPAddress":"","Networks":{"p_default":{"IPAddress":"10.89.0.5"}}}}])") ==
          std::optional<std::string>("10.89.0.5"));
    CHECK_THROWS_AS(parse_ps_json("{oops"), Error);
}
