#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "runtime/sys/cpio.hpp"
#include "runtime/sys/error.hpp"

using sys::archive_path;
using sys::CpioWriter;

namespace {

struct Header {
    std::string name;
    unsigned mode, filesize, rmajor, rminor, namesize;
    std::string data;
};

unsigned field(const std::string& a, size_t off, int idx) { return std::stoul(a.substr(off + 6 + idx * 8, 8), nullptr, 16); }

std::vector<Header> parse(const std::string& a) {
    std::vector<Header> out;
    size_t off = 0;
    while (off < a.size()) {
        REQUIRE(a.compare(off, 6, "070701") == 0);
        Header h;
        h.mode = field(a, off, 1);
        h.filesize = field(a, off, 6);
        h.rmajor = field(a, off, 9);
        h.rminor = field(a, off, 10);
        h.namesize = field(a, off, 11);
        h.name = a.substr(off + 110, h.namesize - 1);
        size_t data = (off + 110 + h.namesize + 3) & ~size_t(3);
        h.data = a.substr(data, h.filesize);
        off = (data + h.filesize + 3) & ~size_t(3);
        out.push_back(h);
        if (h.name == "TRAILER!!!") break;
    }
    REQUIRE(off == a.size());
    return out;
}

}  // namespace

TEST_CASE("cpio newc: entries, alignment and trailer") {
    CpioWriter w;
    w.add_directory("etc");
    w.add_file("etc/hosts", "127.0.0.1 localhost\n", 0644);
    w.add_file("init", "\x7f" "ELFxyz", 0755);
    w.add_symlink("lib64", "lib");
    w.add_char_device("dev/console", 0600, 5, 1);
    std::string a = w.finish();
    REQUIRE(a.size() % 4 == 0);
    auto h = parse(a);
    REQUIRE(h.size() == 6);
    CHECK(h[0].name == "etc");
    CHECK(S_ISDIR(h[0].mode));
    CHECK(h[1].name == "etc/hosts");
    CHECK(h[1].data == "127.0.0.1 localhost\n");
    CHECK((h[1].mode & 07777) == 0644);
    CHECK(h[2].mode == (S_IFREG | 0755));
    CHECK(S_ISLNK(h[3].mode));
    CHECK(h[3].data == "lib");
    CHECK(S_ISCHR(h[4].mode));
    CHECK(h[4].rmajor == 5);
    CHECK(h[4].rminor == 1);
    CHECK(h[5].name == "TRAILER!!!");
}

TEST_CASE("cpio: the same input gives the same bytes") {
    auto make = [] {
        CpioWriter w;
        w.add_file("a", "1");
        w.add_file("b", "22");
        return w.finish();
    };
    CHECK(make() == make());
}

TEST_CASE("cpio: archive paths are relative and never escape") {
    CHECK(archive_path("/usr/bin/busybox") == "usr/bin/busybox");
    CHECK(archive_path("init") == "init");
    CHECK(archive_path("/etc/") == "etc");
    CHECK_THROWS_AS(archive_path("/"), sys::Error);
    CHECK_THROWS_AS(archive_path("/a/../b"), sys::Error);
    CHECK_THROWS_AS(archive_path("a//b"), sys::Error);
}
