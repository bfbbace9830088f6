#include <catch2/catch.hpp>

#include "orchestrator/registry/manifest.hpp"
#include "runtime/sys/error.hpp"

using namespace ucompose::registry;

TEST_CASE("manifest: JSON form of docs/registry.md, and back") {
    Manifest m;
    m.name = "redis-server";
    m.kernel = "vmlinuz";
    m.initrd = "initrd.img";
    m.memory_mib = 256;
    CHECK(to_json(m) ==
          "{\n"
          "  \"name\": \"redis-server\",\n"
          "  \"kind\": \"linux\",\n"
          "  \"kernel\": \"vmlinuz\",\n"
          "  \"initrd\": \"initrd.img\",\n"
          "  \"disk\": null,\n"
          "  \"cmdline\": \"\",\n"
          "  \"memory_mib\": 256\n"
          "}\n");
    Manifest back = parse_manifest(to_json(m), "m.json");
    CHECK(back.name == m.name);
    CHECK(back.kind == Kind::Linux);
    CHECK(back.initrd == m.initrd);
    CHECK_FALSE(back.disk.has_value());
}

TEST_CASE("manifest: paths that escape the entry, bad kinds and bad names are rejected") {
    CHECK_THROWS_WITH(parse_manifest(R"({"name":"x","kind":"linux","kernel":"../../etc/shadow","initrd":"i"})", "m.json"),
                      "m.json: path \"../../etc/shadow\" escapes the entry");
    CHECK_THROWS_WITH(parse_manifest(R"({"name":"x","kind":"linux","kernel":"/boot/vmlinuz","initrd":"i"})", "m.json"),
                      Catch::Contains("must be relative"));
    CHECK_THROWS_WITH(parse_kind("vm"), Catch::Contains("unknown unikernel kind \"vm\""));
    CHECK_THROWS_AS(parse_manifest(R"({"name":"../x","kind":"linux","kernel":"k","initrd":"i"})", "m.json"), sys::Error);
    CHECK_NOTHROW(parse_manifest(R"({"name":"d","kind":"disk","kernel":"","disk":"disk.img"})", "m.json"));
}
