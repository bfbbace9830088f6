// Classification order and path confinement against a real temporary tree
// (runtime/unikernel/resolve.cpp, paths.cpp, registry_reader.cpp).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sys/stat.h>
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

TEST_CASE("resolve_files: every file stays inside its base, and is a bounded regular file", "[unikernel][paths]") {
    TempTree t;
    t.file("base/real");
    t.file("outside");
    REQUIRE(::symlink("real", (t.root + "/base/inside-link").c_str()) == 0);
    REQUIRE(::symlink((t.root + "/outside").c_str(), (t.root + "/base/escape").c_str()) == 0);
    REQUIRE(::symlink("/proc/self/root", (t.root + "/base/magic").c_str()) == 0);
    REQUIRE(::symlink("/", (t.root + "/base/slash").c_str()) == 0);
    REQUIRE(::mkfifo((t.root + "/base/fifo").c_str(), 0600) == 0);
    REQUIRE(::symlink("/dev/zero", (t.root + "/base/zero").c_str()) == 0);
    std::string base = t.root + "/base";
    auto kernel = [&](const std::string& rel) {
        SourceRef ref;
        ref.kind = GuestKind::multiboot;
        ref.base = base;
        ref.kernel = rel;
        ref.origin = "test";
        return resolve_files(ref).kernel;
    };
    CHECK(kernel("/real") == base + "/real");
    CHECK(kernel("slash/real") == base + "/real");   // "/" is the base's own root
    CHECK_THROWS_WITH(kernel("/inside-link"), Catch::Contains("is a symbolic link"));
    CHECK_THROWS_WITH(kernel("escape"), Catch::Contains("is a symbolic link"));
    CHECK_THROWS_WITH(kernel("magic/etc/passwd"), Catch::Contains("No such file"));  // not the host's /
    CHECK_THROWS_WITH(kernel("fifo"), Catch::Contains("not a regular file"));         // and no hang
    CHECK_THROWS_WITH(kernel("zero"), Catch::Contains("is a symbolic link"));
    CHECK_THROWS_WITH(kernel("missing"), Catch::Contains("No such file"));
    CHECK_THROWS_WITH(kernel("a/../real"), Catch::Contains("\"..\" is not allowed"));
    CHECK(confined_relative("//a/b", "k") == "a/b");
    CHECK_THROWS(confined_relative("/", "k"));
}

TEST_CASE("resolve_source: the rootfs's /unikernel may not lead out of it", "[unikernel][resolve]") {
    TempTree t;
    t.file("host/unikernel/k.elf");
    t.file("host/unikernel/manifest.json", R"({"name":"svc","kind":"multiboot","kernel":"k.elf"})");
    sys::make_dirs(t.root + "/rootfs");
    REQUIRE(::symlink((t.root + "/host/unikernel").c_str(), (t.root + "/rootfs/unikernel").c_str()) == 0);
    Map none;
    std::vector<std::string> no_env;
    // Resolved inside the rootfs, the link names nothing: an ordinary container.
    CHECK_FALSE(resolve_source({none, no_env, t.root + "/rootfs", t.root + "/registry"}));

    TempTree u;
    u.file("rootfs/unikernel/k.elf");
    sys::make_dirs(u.root + "/rootfs/unikernel");
    REQUIRE(::mkfifo((u.root + "/rootfs/unikernel/manifest.json").c_str(), 0600) == 0);
    CHECK_THROWS_WITH(resolve_source({none, no_env, u.root + "/rootfs", u.root + "/registry"}),
                      Catch::Contains("not a regular file"));
    ::unlink((u.root + "/rootfs/unikernel/manifest.json").c_str());
    u.file("rootfs/unikernel/manifest.json", std::string(70000, ' '));
    CHECK_THROWS_WITH(resolve_source({none, no_env, u.root + "/rootfs", u.root + "/registry"}),
                      Catch::Contains("more than the limit of 64 KiB"));
    ::unlink((u.root + "/rootfs/unikernel/manifest.json").c_str());
    u.file("rootfs/unikernel/manifest.json", R"({"name":"svc","kind":"multiboot","kernel":"k.elf"})");
    auto s = resolve_source({none, no_env, u.root + "/rootfs", u.root + "/registry"});
    REQUIRE(s);
    CHECK(s->kernel == u.root + "/rootfs/unikernel/k.elf");
}
