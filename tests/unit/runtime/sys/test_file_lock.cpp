// sys::FileLock (runtime/sys/file_lock.cpp) against a real temporary tree.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "runtime/sys/file.hpp"
#include "runtime/sys/file_lock.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "tests/unit/error_of.hpp"

using namespace std::chrono_literals;

TEST_CASE("FileLock: a private lock directory, and a bounded wait", "[sys]") {
    sys::TempDir t("ucrun-unit-lock.");
    const std::string root = t.path() + "/registry";
    {
        sys::FileLock held(root, "pull", "pull", 1s);
        struct stat st {};
        REQUIRE(::stat((root + "/.locks").c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0700);
        REQUIRE(::stat(held.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(error_of([&] { sys::FileLock second(root, "pull", "pull into " + root, 300ms); }) ==
              "waited 0 s for " + root + "/.locks/pull: another pull into " + root + " holds it");
        sys::FileLock other(root, "build", "build", 300ms);  // another name is another lock
    }
    sys::FileLock again(root, "pull", "pull", 300ms);  // released with its owner
}

TEST_CASE("FileLock: a .locks that is a link is refused", "[sys]") {
    sys::TempDir t("ucrun-unit-lock.");
    sys::make_dirs(t.path() + "/elsewhere");
    sys::make_dirs(t.path() + "/root");
    REQUIRE(::symlink((t.path() + "/elsewhere").c_str(), (t.path() + "/root/.locks").c_str()) == 0);
    CHECK(error_of([&] { sys::FileLock l(t.path() + "/root", "pull", "pull", 100ms); }).find("not a directory of ours") !=
          std::string::npos);
}
