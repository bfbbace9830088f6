#include <catch2/catch.hpp>

#include <stdlib.h>

#include "orchestrator/registry/store.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"

using namespace ucompose::registry;

namespace {

struct TmpRoot {
    sys::TempDir dir{"ucompose-registry-test-"};
    const std::string& path = dir.path();
};

Manifest linux_manifest(const std::string& name) {
    Manifest m;
    m.name = name;
    m.kernel = "vmlinuz";
    m.initrd = "initrd.img";
    return m;
}

void stage(const std::string& root, const std::string& name, bool force, const std::string& content) {
    StagedEntry s(root, name, force);
    sys::write_file_atomic(s.dir() + "/vmlinuz", content);
    sys::write_file_atomic(s.dir() + "/initrd.img", content);
    s.commit(linux_manifest(name));
}

}  // namespace

TEST_CASE("registry store: install, refuse a duplicate, replace with force, list, remove") {
    TmpRoot root;
    stage(root.path, "web", false, "v1");
    CHECK(sys::read_file(root.path + "/web/vmlinuz") == "v1");
    CHECK_THROWS_WITH(stage(root.path, "web", false, "v2"), Catch::Contains("already exists"));
    stage(root.path, "web", true, "v2");
    CHECK(sys::read_file(root.path + "/web/vmlinuz") == "v2");

    auto list = list_entries(root.path);
    REQUIRE(list.entries.size() == 1);
    CHECK(list.entries[0].manifest.name == "web");
    remove_entry(root.path, "web");
    CHECK(list_entries(root.path).entries.empty());
    CHECK_THROWS_WITH(remove_entry(root.path, "web"), Catch::Contains("is not in"));
}

TEST_CASE("registry store: a failed build leaves nothing behind") {
    TmpRoot root;
    {
        StagedEntry s(root.path, "half", false);
        sys::write_file_atomic(s.dir() + "/vmlinuz", "k");
        CHECK_THROWS_WITH(s.commit(linux_manifest("half")), "registry entry half: initrd.img is missing");
    }
    CHECK_FALSE(sys::path_exists(root.path + "/half"));
    CHECK(list_entries(root.path).entries.empty());
    CHECK_THROWS_AS(StagedEntry(root.path, "../x", false), sys::Error);
}
