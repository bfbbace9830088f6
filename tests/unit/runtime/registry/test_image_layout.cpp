#include <catch2/catch.hpp>

#include "runtime/registry/image_layout.hpp"
#include "runtime/sys/error.hpp"

using namespace ucrun::registry;

namespace {
const std::string kDigest = "sha256:" + std::string(64, 'a');
const std::string kDigest2 = "sha256:" + std::string(64, 'b');
}  // namespace

TEST_CASE("parse_image_manifest: OCI and Docker schema 2 manifests; indexes and bad digests refused",
          "[registry][oci]") {
    std::string oci = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
        "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" + kDigest + R"(","size":1},
        "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")" + kDigest2 + R"(","size":2}]})";
    auto m = parse_image_manifest(oci, "ref");
    CHECK(m.config.digest == kDigest);
    REQUIRE(m.layers.size() == 1);
    CHECK(m.layers[0].digest == kDigest2);
    CHECK(m.layers[0].media_type == "application/vnd.oci.image.layer.v1.tar+gzip");
    CHECK(blob_path("/d", kDigest2) == "/d/" + std::string(64, 'b'));
    CHECK(m.config.size == std::uint64_t(1));
    CHECK(m.layers[0].size == std::uint64_t(2));
    CHECK_THROWS_WITH(parse_image_manifest(R"({"schemaVersion":2,"config":{"digest":")" + kDigest +
                                               R"(","size":-1},"layers":[]})", "r"),
                      Catch::Contains("r: config size is not a non-negative integer"));

    std::string docker = R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
        "config":{"digest":")" + kDigest + R"("},"layers":[]})";
    CHECK(parse_image_manifest(docker, "ref").layers.empty());

    CHECK_THROWS_WITH(parse_image_manifest(R"({"schemaVersion":2,"manifests":[]})", "ref (manifest)"),
                      Catch::Contains("ref (manifest): an image index"));
    CHECK_THROWS_WITH(parse_image_manifest(R"({"schemaVersion":1})", "r"), Catch::Contains("not an OCI or Docker"));
    CHECK_THROWS_WITH(parse_image_manifest(R"({"schemaVersion":2,"config":{"digest":"sha256:../../x"},"layers":[]})", "r"),
                      Catch::Contains("is not sha256:<64 hex>"));
    CHECK_THROWS_WITH(parse_image_manifest("[1", "r"), Catch::Contains("r: invalid JSON"));
}

TEST_CASE("image_labels and is_unikernel_image", "[registry][oci]") {
    auto labels = image_labels(R"({"config":{"Labels":{"io.ucrun.unikernel.name":"web","other":"x","n":1}}})", "c");
    CHECK(labels.size() == 2);
    CHECK(is_unikernel_image(labels));
    CHECK_FALSE(is_unikernel_image(image_labels(R"({"config":{"Labels":{"maintainer":"me"}}})", "c")));
    CHECK_FALSE(is_unikernel_image(image_labels(R"({"config":{}})", "c")));
    CHECK_FALSE(is_unikernel_image(image_labels(R"({})", "c")));
}

TEST_CASE("layer_compression from the content's magic", "[registry][oci]") {
    CHECK(layer_compression(std::string("\x1f\x8b\x08", 3)) == Compression::gzip);
    CHECK(layer_compression(std::string("\x28\xb5\x2f\xfd\x00", 5)) == Compression::zstd);
    CHECK(layer_compression(std::string(1024, '\0')) == Compression::none);
    CHECK(layer_compression("hello") == Compression::unknown);
}

TEST_CASE("entry_files: plain files under unikernel/, nothing else; links and .. refused", "[registry][oci]") {
    using T = TarMember::Type;
    std::vector<TarMember> members{{"unikernel", T::directory, 0755, {}, {}},
                                   {"unikernel/manifest.json", T::file, 0644, "{}", {}},
                                   {"unikernel/sub/initrd.img", T::file, 0600, "I", {}},
                                   {"etc/passwd", T::file, 0644, "root", {}},
                                   {"unikernelx/kernel", T::file, 0644, "K", {}}};
    auto files = entry_files(members, "ref");
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == "manifest.json");
    CHECK(files[1].path == "sub/initrd.img");
    CHECK(files[1].data == "I");
    CHECK(files[1].mode == 0600);

    CHECK_THROWS_WITH(entry_files({{"unikernel/kernel", T::symlink, 0777, {}, "/etc/shadow"}}, "ref"),
                      Catch::Contains("ref: member \"unikernel/kernel\" is not a regular file"));
    CHECK_THROWS_WITH(entry_files({{"unikernel/../../etc/x", T::file, 0644, "x", {}}}, "ref"),
                      Catch::Contains("has a \"..\" component"));
}

TEST_CASE("parse_image_index: entries with their platforms; is_image_index tells an index from an image",
          "[registry][oci]") {
    std::string index = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
        {"digest":")" + kDigest + R"(","size":10,"platform":{"os":"linux","architecture":"amd64"}},
        {"digest":")" + kDigest2 + R"(","size":11}]})";
    CHECK(is_image_index(index));
    CHECK_FALSE(is_image_index(R"({"schemaVersion":2,"layers":[]})"));
    CHECK_FALSE(is_image_index("not json"));
    auto entries = parse_image_index(index, "r (index)");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].os == "linux");
    CHECK(entries[0].architecture == "amd64");
    CHECK(entries[0].manifest.size == std::uint64_t(10));
    CHECK(entries[1].os.empty());
    CHECK_THROWS_WITH(parse_image_index(R"({"manifests":[{"digest":"sha256:x"}]})", "r (index)"),
                      Catch::Contains("r (index): manifest 0 digest"));
    CHECK_THROWS_WITH(parse_image_index(R"({"layers":[]})", "r (index)"), Catch::Contains("not an image index"));
}

TEST_CASE("image_layout: a number past 64 bits is invalid JSON naming the origin, never an escaping exception",
          "[registry][oci]") {
    const std::string huge = R"({"schemaVersion":2,"layers":[],"config":{"size":1e99999}})";
    CHECK_THROWS_WITH(parse_image_manifest(huge, "ref (manifest)"), Catch::StartsWith("ref (manifest): invalid JSON"));
    CHECK_FALSE(is_image_index(R"({"manifests":[], "n": 44444444444444444444444444E44444444444444})"));
    CHECK_THROWS_WITH(image_labels("4E4444444", "cfg"), Catch::StartsWith("cfg: invalid JSON"));
}
