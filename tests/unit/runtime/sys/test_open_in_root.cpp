// Opening an untrusted tree's files (runtime/sys/open_in_root.cpp) against a real temporary tree.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "tests/unit/error_of.hpp"

TEST_CASE("open_regular_in_root: links resolve inside the root, and only bounded regular files open", "[sys]") {
    sys::TempDir t("ucrun-unit-open.");
    const std::string& root = t.path();
    sys::make_dirs(root + "/tree/dir");
    sys::write_file_atomic(root + "/tree/dir/file", "data");
    sys::write_file_atomic(root + "/secret", "host");
    REQUIRE(::symlink("/dir", (root + "/tree/abs").c_str()) == 0);              // "/" = the tree's root
    REQUIRE(::symlink("../../..", (root + "/tree/up").c_str()) == 0);            // ".." stops at the root
    REQUIRE(::symlink("/proc/self/root", (root + "/tree/magic").c_str()) == 0);
    REQUIRE(::mkfifo((root + "/tree/fifo").c_str(), 0600) == 0);
    sys::UniqueFd dir = sys::open_root_dir(root + "/tree", "tree");

    auto f = sys::open_regular_in_root(dir.get(), "abs/file", "file", 100);
    REQUIRE(f);
    CHECK(f->size == 4);
    CHECK(f->path == root + "/tree/dir/file");
    CHECK(sys::read_all(*f, "file") == "data");
    CHECK(sys::open_regular_in_root(dir.get(), "up/dir/file", "file", 100));
    CHECK_FALSE(sys::open_regular_in_root(dir.get(), "up/secret", "file", 100));   // not the host's
    CHECK_FALSE(sys::open_regular_in_root(dir.get(), "../secret", "file", 100));
    CHECK_FALSE(sys::open_regular_in_root(dir.get(), "magic/etc/passwd", "file", 100));
    CHECK_FALSE(sys::open_regular_in_root(dir.get(), "dir/file/x", "file", 100));  // ENOTDIR: absent
    CHECK(error_of([&] { sys::open_regular_in_root(dir.get(), "fifo", "file", 100); }) ==
          "file \"fifo\": not a regular file; refused");
    CHECK(error_of([&] { sys::open_regular_in_root(dir.get(), "dir", "file", 100); }) ==
          "file \"dir\": not a regular file; refused");
    CHECK(error_of([&] { sys::open_regular_in_root(dir.get(), "abs", "file", 100); }) ==
          "file \"abs\": is a symbolic link (or passes through a /proc link); refused");
    CHECK(error_of([&] { sys::open_regular_in_root(dir.get(), "dir/file", "file", 3); }) ==
          "file \"dir/file\": 4 bytes is more than the limit of 3 bytes");
    CHECK(error_of([&] { sys::require_regular_in_root(dir.get(), "nope", "kernel", 3); }) ==
          "kernel \"nope\": No such file or directory");
}

TEST_CASE("open_regular_in_root: a sparse file is refused by its size, unread", "[sys]") {
    sys::TempDir t("ucrun-unit-open.");
    std::string path = t.path() + "/sparse";
    {
        sys::UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
        REQUIRE(fd);
        REQUIRE(::ftruncate(fd.get(), off_t(3) << 30) == 0);
    }
    CHECK(error_of([&] { sys::reopen_regular(path, "kernel", 128u << 20); }) ==
          "kernel " + path + ": 3221225472 bytes is more than the limit of 128 MiB");
    CHECK(error_of([&] { sys::reopen_regular(t.path() + "/none", "kernel", 1); }) ==
          "kernel " + t.path() + "/none: No such file or directory");
    CHECK(sys::describe_bytes(64 * 1024) == "64 KiB");
    CHECK(sys::describe_bytes(3u << 30) == "3 GiB");
    CHECK(sys::describe_bytes(1000) == "1000 bytes");
}
