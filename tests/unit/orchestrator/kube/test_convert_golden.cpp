// Golden outputs of orchestrator/kube/convert.cpp: tests/unit/data/kube/<case>/expected.yaml,
// written by hand from the Kubernetes API reference.
#include <catch2/catch.hpp>

#include "kube_fixture.hpp"

using namespace kube_test;
using ucompose::kube::convert;

TEST_CASE("kube golden: ports, environment, entrypoint and command", "[kube][golden]") {
    auto c = convert(load_case("plain"), options());
    check_golden(c, "plain");
    CHECK(files(c) == std::vector<std::string>{"batch-deployment.yaml", "web-service.yaml", "web-deployment.yaml",
                                               "worker-service.yaml", "worker-deployment.yaml"});
    CHECK(c.warnings.empty());
}

TEST_CASE("kube golden: replicas from deploy.replicas and scale", "[kube][golden]") {
    check_golden(convert(load_case("replicas"), options()), "replicas");
}

TEST_CASE("kube golden: resources", "[kube][golden]") {
    check_golden(convert(load_case("resources"), options()), "resources");
}

TEST_CASE("kube golden: healthcheck -> exec readinessProbe", "[kube][golden]") {
    auto c = convert(load_case("healthcheck"), options());
    check_golden(c, "healthcheck");
    // Written quoted, so that YAML 1.1 readers keep it a string.
    CHECK(ucompose::kube::emit_stream(bodies(c)).find("app.kubernetes.io/name: \"off\"") != std::string::npos);
}

TEST_CASE("kube golden: x-ucompose probes -> tcpSocket and httpGet", "[kube][golden]") {
    check_golden(convert(load_case("probes"), options()), "probes");
}

TEST_CASE("kube golden: depends_on -> wait-for initContainers", "[kube][golden]") {
    auto c = convert(load_case("depends"), options());
    check_golden(c, "depends");
    const std::string file = kube_dir() + "/depends/compose.yaml";
    CHECK(has_warning(c, file + ":5:5: service app: 'logger' has no ports (nor an x-ucompose probe), so no Service "
                                "to wait for: the pod starts without waiting for it"));
    CHECK(has_warning(c, file +
                             ":5:5: service app: condition service_completed_successfully on 'setup' has no "
                             "Deployment equivalent (its pod restarts); converted as a wait for its Service, if any"));
    CHECK(c.warnings.size() == 2);
}

TEST_CASE("kube: the initContainer image is an option", "[kube]") {
    auto o = options();
    o.init_image = "registry.example/tools/busybox:1.36";
    auto c = convert(load_case("depends"), o);
    const auto& app = c.objects.back().body;
    REQUIRE(app["metadata"]["name"] == "app");
    for (const auto& init : app["spec"]["template"]["spec"]["initContainers"])
        CHECK(init["image"] == "registry.example/tools/busybox:1.36");
}

TEST_CASE("kube golden: a unikernel OCI image -> runtimeClassName and the RuntimeClass", "[kube][golden]") {
    auto o = options();
    o.unikernel_images = {{"redis-server", {"localhost/ucompose/pubsub-redis-server:latest"}}};
    auto c = convert(load_case("unikernel_image"), o);
    check_golden(c, "unikernel_image");
    CHECK(c.objects.front().file == "runtimeclass.yaml");
    CHECK(c.warnings.empty());
}

TEST_CASE("kube: no unikernel, no RuntimeClass", "[kube]") {
    auto c = convert(load_case("unikernel_image"), options());  // no labelled image known
    for (const auto& obj : c.objects) {
        CHECK(obj.body["kind"] != "RuntimeClass");
        if (obj.body["kind"] == "Deployment")
            CHECK_FALSE(obj.body["spec"]["template"]["spec"].contains("runtimeClassName"));
    }
}

TEST_CASE("kube golden: SERVICE_NAME with and without a published image", "[kube][golden]") {
    auto o = options();
    o.unikernel_images = {{"redis-server", {"quay.io/example/redis-server:1", "localhost/redis-server:latest"}}};
    auto c = convert(load_case("service_name"), o);
    check_golden(c, "service_name");
    const std::string file = kube_dir() + "/service_name/compose.yaml";
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0] ==
          file +
              ":10:5: service publisher: unikernel 'rust-redis-publisher' is an entry of this host's ucrun registry, "
              "which a cluster node does not have; no local image is labelled "
              "io.ucrun.unikernel.name=rust-redis-publisher, so the image stays "
              "localhost/ucompose/unikernel-tracker:latest. Publish one with `ucompose unikernel build ELF --name "
              "rust-redis-publisher --image REGISTRY/rust-redis-publisher:TAG` then `podman push "
              "REGISTRY/rust-redis-publisher:TAG`, and convert again");
}

TEST_CASE("kube golden: keys Kubernetes does not get are warned about at their place", "[kube][golden]") {
    auto c = convert(load_case("unsupported"), options());
    check_golden(c, "unsupported");
    const std::string f = kube_dir() + "/unsupported/compose.yaml";
    const std::vector<std::string> want{
        f + ":18:3: service Web_Front: 'Web_Front' is not a Kubernetes object name; its objects are named "
            "'web-front' (and other services reach it by that name)",
        f + ":16:5: service old: host_ip 127.0.0.1 of port 80 is not converted: a Service listens on the "
            "cluster's addresses",
        f + ":6:5: service old: network_mode is not converted: every pod has its own network namespace",
        f + ":9:5: service old: volumes is not converted: volumes and host paths are not converted (use "
            "PersistentVolumeClaims, ConfigMaps or Secrets)",
        f + ":14:5: service old: devices is not converted: host devices belong to one node",
        f + ":7:5: service old: privileged is not converted: set securityContext.privileged by hand if needed",
        f + ":11:5: service old: cap_add is not converted: set securityContext.capabilities by hand",
        f + ":12:5: service old: extra_hosts is not converted: use hostAliases in the pod spec",
        f + ":5:5: service old: container_name is not converted: pods get generated names; reach the service by "
            "its Service name",
        f + ":8:5: service old: restart is not converted: a Deployment always restarts its containers "
            "(restartPolicy: Always)",
    };
    INFO([&] {
        std::string all;
        for (const auto& w : c.warnings)
            all += w + "\n";
        return all;
    }());
    CHECK(c.warnings == want);
}
