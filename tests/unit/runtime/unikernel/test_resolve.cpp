// Classification order and path confinement against a real temporary tree
// (runtime/unikernel/resolve.cpp, paths.cpp, registry_reader.cpp).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/unikernel/paths.hpp"
#include "runtime/unikernel/resolve.hpp"

using namespace ucrun::unikernel;
using Map = std::map<std::string, std::string>;

namespace {

struct TempTree {
    sys::TempDir dir{"ucrun-unit-resolve."};
    const std::string& root = dir.path();
    void file(const std::string& rel, const std::string& data = "x") {
        std::string p = root + "/" + rel;
        sys::make_dirs(p.substr(0, p.rfind('/')));
        std::ofstream(p) << data;
    }
};

}  // namespace

TEST_CASE("resolve_source: order and kinds", "[unikernel][resolve]") {
    TempTree t;
    t.file("rootfs/kernel");
    t.file("rootfs/unikraft/bin/kernel");
    t.file("registry/svc/k.elf");
    t.file("registry/svc/manifest.json", R"({"name":"svc","kind":"multiboot","kernel":"k.elf"})");
    std::string rootfs = t.root + "/rootfs", reg = t.root + "/registry";
    std::vector<std::string> env{"SERVICE_NAME=svc"};

    Map ucrun{{"io.ucrun.unikernel.kernel", "/kernel"}};
    auto s = resolve_source({ucrun, env, rootfs, reg});
    REQUIRE(s);
    CHECK(s->kernel == rootfs + "/kernel");
    CHECK(s->origin == "annotations io.ucrun.unikernel.*");

    Map none;
    s = resolve_source({none, env, rootfs, reg});   // kraft layout before SERVICE_NAME
    REQUIRE(s);
    CHECK(s->kernel == rootfs + "/unikraft/bin/kernel");

    s = resolve_source({none, env, t.root + "/registry", reg});   // a rootfs without kraft files
    REQUIRE(s);
    CHECK(s->kernel == reg + "/svc/k.elf");
    CHECK(s->origin.find("registry entry svc") == 0);

    std::vector<std::string> no_env;
    CHECK_FALSE(resolve_source({none, no_env, t.root + "/registry", reg}));
    std::vector<std::string> empty{"SERVICE_NAME="};
    CHECK_FALSE(resolve_source({none, empty, t.root + "/registry", reg}));
}

TEST_CASE("resolve_source: unknown and invalid names", "[unikernel][resolve]") {
    TempTree t;
    Map none;
    std::vector<std::string> unknown{"SERVICE_NAME=nope"};
    try {
        resolve_source({none, unknown, t.root, t.root});
        FAIL("expected an error");
    } catch (const sys::Error& e) {
        CHECK(std::string(e.what()).find("unknown unikernel \"nope\"") == 0);
    }
    std::vector<std::string> invalid{"SERVICE_NAME=../x"};
    CHECK_THROWS_WITH(resolve_source({none, invalid, t.root, t.root}),
                      Catch::Contains("invalid unikernel name \"../x\""));
}

TEST_CASE("resolve_file_within: symlinks may not leave the base", "[unikernel][paths]") {
    TempTree t;
    t.file("base/real");
    t.file("outside");
    REQUIRE(::symlink("real", (t.root + "/base/inside-link").c_str()) == 0);
    REQUIRE(::symlink((t.root + "/outside").c_str(), (t.root + "/base/escape").c_str()) == 0);
    std::string base = t.root + "/base";
    CHECK(resolve_file_within(base, "/inside-link", "kernel") == base + "/real");
    CHECK_THROWS_WITH(resolve_file_within(base, "escape", "kernel"), Catch::Contains("outside"));
    CHECK_THROWS_WITH(resolve_file_within(base, "missing", "kernel"), Catch::Contains("No such file"));
    CHECK_THROWS_WITH(resolve_file_within(base, "a/../real", "kernel"), Catch::Contains("\"..\" is not allowed"));
    CHECK(confined_relative("//a/b", "k") == "a/b");
    CHECK_THROWS(confined_relative("/", "k"));
}
