// Pod roles from CRI annotations (runtime/unikernel/pod.cpp) and the sandbox rule of
// classification (runtime/ucrun/classify.cpp), against a real temporary registry.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/ucrun/classify.hpp"
#include "runtime/unikernel/pod.hpp"

using namespace ucrun;
using namespace ucrun::unikernel;
using Map = std::map<std::string, std::string>;

TEST_CASE("pod_member: containerd and CRI-O annotations", "[unikernel][pod]") {
    struct Row {
        Map annotations;
        PodRole role;
        std::string marker, sandbox_id;
    };
    const std::vector<Row> rows = {
        {{}, PodRole::none, "", ""},
        {{{"io.kubernetes.cri.sandbox-id", "abc"}}, PodRole::none, "", ""},
        {{{"io.kubernetes.cri.container-type", "sandbox"}, {"io.kubernetes.cri.sandbox-id", "abc"}},
         PodRole::sandbox, "io.kubernetes.cri.container-type=sandbox", "abc"},
        {{{"io.kubernetes.cri.container-type", "container"}}, PodRole::container,
         "io.kubernetes.cri.container-type=container", ""},
        {{{"io.kubernetes.cri-o.ContainerType", "sandbox"}, {"io.kubernetes.cri-o.SandboxID", "x1"}},
         PodRole::sandbox, "io.kubernetes.cri-o.ContainerType=sandbox", "x1"},
        {{{"io.kubernetes.cri-o.ContainerType", "container"}}, PodRole::container,
         "io.kubernetes.cri-o.ContainerType=container", ""},
    };
    for (const auto& r : rows) {
        PodMember m = pod_member(r.annotations);
        CHECK(m.role == r.role);
        CHECK(m.marker == r.marker);
        CHECK(m.sandbox_id == r.sandbox_id);
    }
}

TEST_CASE("pod_member: an unknown container type names the annotation", "[unikernel][pod]") {
    Map a{{"io.kubernetes.cri.container-type", "podsandbox"}};
    CHECK_THROWS_WITH(pod_member(a), Catch::Contains("io.kubernetes.cri.container-type=\"podsandbox\"") &&
                                         Catch::Contains("sandbox or container"));
}

namespace {

struct Tree {
    sys::TempDir dir{"ucrun-unit-pod."};
    const std::string& root = dir.path();
    Tree() {
        sys::make_dirs(root + "/rootfs");
        sys::make_dirs(root + "/registry/web");
        std::ofstream(root + "/registry/web/k.elf") << "x";
        std::ofstream(root + "/registry/web/manifest.json") << R"({"name":"web","kind":"multiboot","kernel":"k.elf"})";
    }
};

Spec spec_with(const Map& annotations, const std::vector<std::string>& env) {
    Spec s;
    s.annotations = annotations;
    s.env = env;
    return s;
}

}  // namespace

TEST_CASE("classify: a pod sandbox is an ordinary container whatever its env says", "[ucrun][classify][pod]") {
    Tree t;
    Config cfg;
    cfg.registry = t.root + "/registry";
    const std::string id = "sb1";
    const std::vector<std::string> env{"SERVICE_NAME=web"};

    Spec plain = spec_with({}, env);
    CHECK(classify({id, plain, t.root + "/rootfs", cfg}).kind == Kind::unikernel);

    Spec app = spec_with({{"io.kubernetes.cri.container-type", "container"}}, env);
    CHECK(classify({id, app, t.root + "/rootfs", cfg}).kind == Kind::unikernel);

    Spec sandbox = spec_with({{"io.kubernetes.cri.container-type", "sandbox"}}, env);
    Classification c = classify({id, sandbox, t.root + "/rootfs", cfg});
    CHECK(c.kind == Kind::container);
    CHECK_FALSE(c.unikernel);
}

TEST_CASE("classify: a pod sandbox described as a unikernel is refused", "[ucrun][classify][pod]") {
    Tree t;
    std::ofstream(t.root + "/rootfs/kernel") << "x";
    Config cfg;
    cfg.registry = t.root + "/registry";
    Spec s = spec_with({{"io.kubernetes.cri-o.ContainerType", "sandbox"}, {"io.ucrun.unikernel.kernel", "/kernel"}}, {});
    CHECK_THROWS_WITH(classify({"pause-1", s, t.root + "/rootfs", cfg}),
                      Catch::Contains("container `pause-1` is a pod sandbox (io.kubernetes.cri-o.ContainerType=sandbox)") &&
                          Catch::Contains("must be an ordinary (pause) container"));
}
