#include <catch2/catch.hpp>

#include "runtime/registry/pull_limits.hpp"
#include "runtime/sys/error.hpp"

using namespace ucrun::registry;

namespace {

Blob sized(std::uint64_t size) { return {"sha256:" + std::string(64, 'a'), "", size}; }

ImageManifest image_of(std::size_t layers, std::uint64_t layer_size) {
    ImageManifest m;
    m.config = sized(100);
    for (std::size_t i = 0; i < layers; ++i) m.layers.push_back(sized(layer_size));
    return m;
}

}  // namespace

TEST_CASE("check_pull_limits: layer count, a blob's size and the total, each named in one line", "[registry][limits]") {
    const PullLimits limits;
    CHECK_NOTHROW(check_pull_limits(image_of(16, 1 << 20), limits, "r"));
    CHECK_THROWS_WITH(check_pull_limits(image_of(17, 1), limits, "r"),
                      Catch::Equals("r: 17 layers is more than the limit of 16"));
    CHECK_THROWS_WITH(check_pull_limits(image_of(1, (std::uint64_t(512) << 20) + 1), limits, "r"),
                      Catch::Equals("r: layer 0 is 536870913 bytes, more than the limit of 512 MiB for one blob"));
    CHECK_THROWS_WITH(check_pull_limits(image_of(3, std::uint64_t(400) << 20), limits, "r"),
                      Catch::Contains("r: its blobs are") && Catch::Contains("more than the limit of 1 GiB"));
    ImageManifest unsized = image_of(1, 1);
    unsized.layers[0].size.reset();
    CHECK_THROWS_WITH(check_pull_limits(unsized, limits, "r"), Catch::Equals("r: the manifest gives no size for layer 0"));
    ImageManifest big_config = image_of(0, 0);
    big_config.config.size = std::uint64_t(1) << 40;
    CHECK_THROWS_WITH(check_pull_limits(big_config, limits, "r"), Catch::Contains("r: the config is 1024 GiB"));
}

TEST_CASE("pick_platform: linux on this architecture, else an error listing what the index has", "[registry][limits]") {
    std::vector<IndexEntry> index = {
        {sized(1), "linux", "arm64", "v8"},
        {{"sha256:" + std::string(64, 'b'), "", 2}, "linux", "amd64", ""},
        {sized(3), "windows", "amd64", ""},
    };
    CHECK(pick_platform(index, "amd64", "r").manifest.digest == "sha256:" + std::string(64, 'b'));
    CHECK(pick_platform(index, "arm64", "r").architecture == "arm64");
    CHECK_THROWS_WITH(pick_platform(index, "riscv64", "r"),
                      Catch::Equals("r: the index has no image for linux/riscv64 (it has linux/arm64, linux/amd64, "
                                    "windows/amd64)"));
    CHECK_THROWS_WITH(pick_platform({}, "amd64", "r"), Catch::Contains("(it is empty)"));
    CHECK_FALSE(host_architecture().empty());
    CHECK(host_architecture() != "x86_64");
}

TEST_CASE("pin_digest: a reference names its image by digest, tag or digest replaced", "[registry][limits]") {
    const std::string d = "sha256:" + std::string(64, 'c');
    CHECK(pin_digest("docker://127.0.0.1:5000/u/web:latest", d) == "docker://127.0.0.1:5000/u/web@" + d);
    CHECK(pin_digest("docker://127.0.0.1:5000/u/web", d) == "docker://127.0.0.1:5000/u/web@" + d);
    CHECK(pin_digest("registry.example.com/web@sha256:" + std::string(64, 'd'), d) ==
          "docker://registry.example.com/web@" + d);
    CHECK(pin_digest("docker://host/a/b:v1.2", d) == "docker://host/a/b@" + d);
}
