#include <catch2/catch.hpp>

#include "runtime/registry/tar_reader.hpp"
#include "runtime/sys/error.hpp"
#include "tests/unit/runtime/registry/tar_bytes.hpp"

using namespace ucrun::registry;
using Type = TarMember::Type;

TEST_CASE("read_tar: files, directories, links, the ustar prefix, pax and GNU long names", "[registry][tar]") {
    std::string long_name = "unikernel/" + std::string(120, 'a');
    std::string archive = tar_bytes::member("./unikernel/", '5') + tar_bytes::member("./unikernel/kernel", '0', "KERNEL") +
                          tar_bytes::member("manifest.json", '0', "{}", "unikernel") +
                          tar_bytes::member("unikernel/link", '2', "", "", "kernel") +
                          tar_bytes::pax("path", "unikernel/from-pax") + tar_bytes::member("short", '0', "P") +
                          tar_bytes::member("././@LongLink", 'L', long_name + std::string(1, '\0')) +
                          tar_bytes::member("truncated-name", '0', std::string(600, 'z')) + tar_bytes::end();
    auto m = read_tar(archive, "layer");
    REQUIRE(m.size() == 6);
    CHECK(m[0].path == "unikernel");
    CHECK(m[0].type == Type::directory);
    CHECK(m[1].path == "unikernel/kernel");
    CHECK(m[1].type == Type::file);
    CHECK(m[1].data == "KERNEL");
    CHECK(m[1].mode == 0644);
    CHECK(m[2].path == "unikernel/manifest.json");
    CHECK(m[2].data == "{}");
    CHECK(m[3].type == Type::symlink);
    CHECK(m[3].link == "kernel");
    CHECK(m[4].path == "unikernel/from-pax");
    CHECK(m[4].data == "P");
    CHECK(m[5].path == long_name);
    CHECK(m[5].data.size() == 600);
}

TEST_CASE("read_tar: an empty archive, and one without end blocks, read as far as they go", "[registry][tar]") {
    CHECK(read_tar("", "layer").empty());
    CHECK(read_tar(tar_bytes::end(), "layer").empty());
    CHECK(read_tar(tar_bytes::member("a", '0', "x"), "layer").size() == 1);
}

TEST_CASE("read_tar: a corrupt header or truncated content is an error naming the layer and offset",
          "[registry][tar]") {
    std::string good = tar_bytes::member("a", '0', "hello");
    std::string bad_sum = good;
    bad_sum[0] = 'b';
    CHECK_THROWS_WITH(read_tar(bad_sum, "layer sha256:1"),
                      Catch::Contains("layer sha256:1: tar member at offset 0: bad header checksum"));
    std::string cut = tar_bytes::header("a", '0', 5000) + std::string(512, 'x');
    CHECK_THROWS_WITH(read_tar(cut, "L"), Catch::Contains("truncated content"));
    CHECK_THROWS_WITH(read_tar(good.substr(0, 300), "L"), Catch::Contains("truncated tar header at offset 0"));
    CHECK_THROWS_WITH(read_tar(tar_bytes::member("p", 'x', "garbage") + tar_bytes::end(), "L"),
                      Catch::Contains("malformed pax record"));
}

TEST_CASE("read_tar: the member list stops at max_members with a one-line error", "[registry][tar]") {
    std::string three = tar_bytes::member("a", '0', "x") + tar_bytes::member("b", '0', "y") +
                        tar_bytes::member("c", '5') + tar_bytes::end();
    CHECK(read_tar(three, "layer", 3).size() == 3);
    CHECK_THROWS_WITH(read_tar(three, "layer", 2), Catch::Equals("layer: the image holds more than the limit of 2 tar members"));
    CHECK(read_tar(three, "layer", 5, 2).size() == 3);
    CHECK_THROWS_WITH(read_tar(three, "layer", 4, 2), Catch::Contains("more than the limit of 4 tar members"));
}
