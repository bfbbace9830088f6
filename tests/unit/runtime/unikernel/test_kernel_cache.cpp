#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

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

TEST_CASE("kernel cache: what the image hands it is bounded") {
    TmpDir t;
    ucrun::unikernel::KernelCacheLimits small{4096, 10000, 1u << 20};
    sys::write_file_atomic(t.path + "/big", std::string(5000, 'k'));
    CHECK_THAT(error_of([&] { unpacked_kernel(t.path + "/big", t.path + "/cache", small); }),
               Catch::Contains("5000 bytes is more than the limit of 4 KiB"));
    // A gzip bomb: a few bytes that unpack to more than the limit leave no cache file.
    sys::write_file_atomic(t.path + "/bomb.gz", sys::gzip_compress(std::string(200000, '\0')));
    CHECK_THAT(error_of([&] { unpacked_kernel(t.path + "/bomb.gz", t.path + "/cache", small); }),
               Catch::Contains("unpacks to more than 10000 bytes"));
    CHECK_FALSE(sys::path_exists(t.path + "/cache"));
    REQUIRE(::mkfifo((t.path + "/fifo").c_str(), 0600) == 0);
    CHECK_THAT(error_of([&] { unpacked_kernel(t.path + "/fifo", t.path + "/cache", small); }),
               Catch::Contains("not a regular file"));
}

TEST_CASE("kernel cache: beyond its bound, the least recently used kernels go") {
    TmpDir t;
    ucrun::unikernel::KernelCacheLimits limits{1u << 20, 1u << 20, 25000};
    auto kernel = [&](char c) {
        std::string path = t.path + "/" + c + ".gz";
        sys::write_file_atomic(path, sys::gzip_compress(std::string(10000, c)));
        return path;
    };
    std::string a = unpacked_kernel(kernel('a'), t.path + "/cache", limits);
    std::string b = unpacked_kernel(kernel('b'), t.path + "/cache", limits);
    // a is used again, later than b: b is now the least recently used.
    struct timespec old[2] = {{1000, 0}, {1000, 0}};
    REQUIRE(::utimensat(AT_FDCWD, a.c_str(), old, 0) == 0);
    REQUIRE(::utimensat(AT_FDCWD, b.c_str(), old, 0) == 0);
    CHECK(unpacked_kernel(kernel('a'), t.path + "/cache", limits) == a);
    std::string c = unpacked_kernel(kernel('c'), t.path + "/cache", limits);   // 30000 > 25000
    CHECK(sys::path_exists(a));
    CHECK_FALSE(sys::path_exists(b));
    CHECK(sys::path_exists(c));
}
