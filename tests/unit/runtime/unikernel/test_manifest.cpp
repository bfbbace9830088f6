// Registry manifest -> SourceRef (runtime/unikernel/manifest.cpp); the parser itself is tested in
// tests/unit/runtime/registry/test_manifest.cpp.
#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "tests/unit/error_of.hpp"
#include "runtime/unikernel/manifest.hpp"

using namespace ucrun::unikernel;

TEST_CASE("parse_manifest: a registry entry as a SourceRef", "[unikernel][registry]") {
    auto s = parse_manifest(R"({"name":"redis","kind":"linux","kernel":"vmlinuz","initrd":"initrd.img",
                                "disk":null,"cmdline":"quiet","memory_mib":128})",
                            "redis", "/reg/redis", "/reg/redis/manifest.json");
    CHECK(s.kind == GuestKind::linux_);
    CHECK(s.base == "/reg/redis");
    CHECK(s.kernel == "vmlinuz");
    CHECK(s.initrd == "initrd.img");
    CHECK(s.disk.empty());
    CHECK(s.cmdline == "quiet");
    CHECK(s.memory_mib == 128);
    CHECK(s.origin == "/reg/redis/manifest.json");
    auto mb = parse_manifest(R"({"name":"k","kind":"multiboot","kernel":"k.elf"})", "k", "/d", "m.json");
    CHECK(mb.kind == GuestKind::multiboot);
    CHECK(mb.initrd.empty());
    CHECK_FALSE(mb.memory_mib.has_value());
}

TEST_CASE("parse_manifest: errors name the manifest", "[unikernel][registry]") {
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"multiboot","kernel":"k"})", "y", "/d", "m.json"); }) ==
          "m.json: \"name\" is \"x\", expected \"y\"");
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"multiboot","kernel":"/etc/k"})", "x", "/d", "m.json"); })
              .find("paths are relative to the entry's directory") != std::string::npos);
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"multiboot","kernel":"../y/k"})", "x", "/d", "m.json"); })
              .find("\"..\" is not allowed") != std::string::npos);
    CHECK(error_of([] { parse_manifest("{", "x", "/d", "m.json"); }).find("m.json: invalid JSON") == 0);
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"elf","kernel":"k"})", "x", "/d", "m.json"); }) ==
          "m.json: \"kind\" is \"elf\" (use linux, multiboot or disk)");
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"multiboot","kernel":"k","memory_mib":0})", "x", "/d", "m.json"); }) ==
          "m.json: \"memory_mib\" must be a positive integer");
    CHECK(error_of([] { parse_manifest(R"({"name":"x","kind":"linux","kernel":"k"})", "x", "/d", "m.json"); }) ==
          "m.json: kind linux needs an initrd file");
}

TEST_CASE("to_source_ref: what ucrun cannot boot is refused", "[unikernel][registry]") {
    // The format allows a kernel next to a disk (docs/registry.md); ucrun boots disks without one.
    ucrun::registry::Manifest m;
    m.name = "d";
    m.kind = GuestKind::disk;
    m.kernel = "kernel";
    m.disk = "disk.img";
    CHECK(error_of([&] { to_source_ref(m, "/d", "m.json"); }) ==
          "m.json: kind disk takes no kernel (got \"kernel\")");
    m.kernel.clear();
    auto s = to_source_ref(m, "/d", "m.json");
    CHECK(s.kind == GuestKind::disk);
    CHECK(s.disk == "disk.img");
}
