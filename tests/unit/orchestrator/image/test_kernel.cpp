#include <catch2/catch.hpp>

#include "orchestrator/image/kernel.hpp"

using namespace ucompose::image;

TEST_CASE("kernel: version from a bzImage setup header") {
    std::string img(0x1000, '\0');
    img.replace(0x202, 4, "HdrS");
    unsigned off = 0x300;  // string at off + 0x200
    img[0x20e] = static_cast<char>(off & 0xff);
    img[0x20f] = static_cast<char>(off >> 8);
    std::string v = "6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org) #1 SMP";
    img.replace(off + 0x200, v.size(), v);
    CHECK(bzimage_version(img) == std::optional<std::string>("6.1.0-56-cloud-amd64"));
    CHECK_FALSE(bzimage_version(std::string(0x1000, 'x')).has_value());
}

TEST_CASE("kernel: version from the file name, and the newest kernel with modules wins") {
    CHECK(version_from_filename("/boot/vmlinuz-6.1.0-56-cloud-amd64") == std::optional<std::string>("6.1.0-56-cloud-amd64"));
    CHECK_FALSE(version_from_filename("/boot/bzImage").has_value());
    std::vector<std::string> all{"/boot/vmlinuz-6.1.0-9-amd64", "/boot/vmlinuz-6.1.0-10-amd64", "/boot/vmlinuz-6.5.0-1-amd64"};
    CHECK(pick_kernel(all, {"/boot/vmlinuz-6.1.0-9-amd64", "/boot/vmlinuz-6.1.0-10-amd64"}) ==
          std::optional<std::string>("/boot/vmlinuz-6.1.0-10-amd64"));
    CHECK(pick_kernel(all, {}) == std::optional<std::string>("/boot/vmlinuz-6.5.0-1-amd64"));
    CHECK_FALSE(pick_kernel({}, {}).has_value());
}

TEST_CASE("kernel: a missing explicit kernel is an error naming it") {
    CHECK_THROWS_WITH(find_kernel(std::string("/nonexistent/vmlinuz")),
                      "kernel /nonexistent/vmlinuz: No such file or directory");
    CHECK_THROWS_WITH(find_kernel(std::nullopt, "/nonexistent-boot"), Catch::Contains("linux-image-cloud-amd64"));
}
