#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/unikernel/kernel_cache.hpp"
#include "tests/unit/error_of.hpp"

using ucrun::unikernel::unpacked_kernel;

namespace {

// sys::TempDir, with a field named path.
struct TmpDir {
    sys::TempDir dir{"ucrun-unit-"};
    const std::string& path = dir.path();
};

}  // namespace

TEST_CASE("kernel cache: a plain kernel is used where it is") {
    TmpDir t;
    sys::write_file_atomic(t.path + "/vmlinux", "\x7f" "ELF plain");
    CHECK(unpacked_kernel(t.path + "/vmlinux", t.path + "/cache") == t.path + "/vmlinux");
    CHECK_FALSE(sys::path_exists(t.path + "/cache"));
}

TEST_CASE("kernel cache: a gzipped kernel is unpacked once and shared") {
    TmpDir t;
    std::string elf = "\x7f" "ELF" + std::string(100000, 'k');
    sys::write_file_atomic(t.path + "/a.gz", sys::gzip_compress(elf));
    sys::write_file_atomic(t.path + "/b.gz", sys::gzip_compress(elf));  // another image, same kernel
    std::string first = unpacked_kernel(t.path + "/a.gz", t.path + "/cache");
    CHECK(first.rfind(t.path + "/cache/kernel-", 0) == 0);
    CHECK(sys::read_file(first) == elf);
    CHECK(unpacked_kernel(t.path + "/b.gz", t.path + "/cache") == first);
    sys::write_file_atomic(t.path + "/c.gz", sys::gzip_compress(elf + "x"));
    CHECK(unpacked_kernel(t.path + "/c.gz", t.path + "/cache") != first);
}

TEST_CASE("kernel cache: a broken kernel names its file and leaves nothing") {
    TmpDir t;
    std::string gz = sys::gzip_compress(std::string(10000, 'k'));
    sys::write_file_atomic(t.path + "/bad.gz", gz.substr(0, 20));
    CHECK_THAT(error_of([&] { unpacked_kernel(t.path + "/bad.gz", t.path + "/cache"); }),
               Catch::StartsWith("kernel " + t.path + "/bad.gz: not a valid gzip stream"));
    for (const auto& e : std::filesystem::directory_iterator(t.path))
        CHECK(e.path().filename() != "cache");  // nothing was created for a kernel that failed
    CHECK(error_of([&] { unpacked_kernel(t.path + "/missing", t.path + "/cache"); }) ==
          "kernel " + t.path + "/missing: No such file or directory");
}
