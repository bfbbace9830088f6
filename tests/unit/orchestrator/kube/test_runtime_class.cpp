// The RuntimeClass carried in ucompose (orchestrator/image/embedded.cpp) is
// runtime/node/runtimeclass.yaml, and orchestrator/kube/runtime_class.cpp reads it.
#include <catch2/catch.hpp>

#include "../compose_fixture.hpp"
#include "orchestrator/image/embedded.hpp"
#include "orchestrator/kube/convert.hpp"
#include "orchestrator/kube/parts.hpp"

TEST_CASE("kube: the embedded RuntimeClass is runtime/node/runtimeclass.yaml", "[kube]") {
    std::string file = compose_test::read_text(std::string(UNIT_DATA_DIR) + "/../../../runtime/node/runtimeclass.yaml");
    REQUIRE_FALSE(file.empty());
    CHECK(std::string(ucompose::image::kube_runtimeclass()) == file);
}

TEST_CASE("kube: the embedded RuntimeClass is the one unikernel pods name", "[kube]") {
    auto rc = ucompose::kube::runtime_class_object(ucompose::kube::ConvertOptions{}.runtime_class_yaml);
    CHECK(rc["apiVersion"] == "node.k8s.io/v1");
    CHECK(rc["metadata"]["name"] == ucompose::kube::kRuntimeClassName);
    CHECK(rc["handler"] == "ucrun");
}

TEST_CASE("kube: a RuntimeClass text that is not one is refused", "[kube]") {
    CHECK_THROWS_WITH(ucompose::kube::runtime_class_object("kind: Pod\n"),
                      "the RuntimeClass text is not one RuntimeClass object");
}
