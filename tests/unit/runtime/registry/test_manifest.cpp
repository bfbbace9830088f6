// manifest.json of a registry entry (runtime/registry/manifest.cpp): the one model, parser and writer.
#include <catch2/catch.hpp>

#include "runtime/registry/manifest.hpp"
#include "runtime/sys/error.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucrun::registry;

namespace {
// The error parse_manifest gives for `json` read from "m.json".
std::string manifest_error(const std::string& json) {
    return error_of([&] { parse_manifest(json, "m.json"); });
}
}  // namespace

TEST_CASE("manifest: JSON form of docs/registry.md, and back", "[registry][manifest]") {
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
    CHECK(back.kind == Kind::linux_);
    CHECK(back.kernel == "vmlinuz");
    CHECK(back.initrd == m.initrd);
    CHECK_FALSE(back.disk.has_value());
    CHECK(back.memory_mib == 256);

    m.memory_mib.reset();
    CHECK(to_json(m).find("\"memory_mib\": null") != std::string::npos);
    CHECK_FALSE(parse_manifest(to_json(m), "m.json").memory_mib.has_value());
}

TEST_CASE("manifest: optional keys may be absent or null", "[registry][manifest]") {
    Manifest m = parse_manifest(R"({"name":"redis","kind":"linux","kernel":"vmlinuz","initrd":"initrd.img",
                                   "disk":null,"cmdline":"console=ttyS0","memory_mib":128})", "m.json");
    CHECK(m.cmdline == "console=ttyS0");
    CHECK(m.memory_mib == 128);
    Manifest mb = parse_manifest(R"({"name":"mb","kind":"multiboot","kernel":"k.elf"})", "m.json");
    CHECK(mb.kind == Kind::multiboot);
    CHECK_FALSE(mb.initrd.has_value());
    CHECK(mb.cmdline.empty());
    CHECK_FALSE(mb.memory_mib.has_value());
    Manifest d = parse_manifest(R"({"name":"d","kind":"disk","kernel":"","disk":"disk.img"})", "m.json");
    CHECK(d.kind == Kind::disk);
    CHECK(d.kernel.empty());
    CHECK(d.disk == "disk.img");
    // docs/registry.md: a disk entry may also carry a kernel.
    CHECK_NOTHROW(parse_manifest(R"({"name":"d","kind":"disk","kernel":"kernel","disk":"disk.img"})", "m.json"));
}

TEST_CASE("manifest: kinds", "[registry][manifest]") {
    CHECK(std::string(to_string(Kind::linux_)) == "linux");
    CHECK(std::string(to_string(Kind::multiboot)) == "multiboot");
    CHECK(std::string(to_string(Kind::disk)) == "disk");
    CHECK(parse_kind("multiboot") == Kind::multiboot);
    CHECK_THROWS_WITH(parse_kind("vm"), Catch::Contains("unknown unikernel kind \"vm\""));
    CHECK(manifest_error(R"({"name":"x","kind":"elf","kernel":"k"})") ==
          "m.json: \"kind\" is \"elf\" (use linux, multiboot or disk)");
}

TEST_CASE("manifest: malformed JSON and types name the file", "[registry][manifest]") {
    CHECK(manifest_error("{").find("m.json: invalid JSON") == 0);
    CHECK(manifest_error("[]") == "m.json: expected a JSON object");
    CHECK(manifest_error(R"({"kind":"linux"})") == "m.json: \"name\" is required");
    CHECK(manifest_error(R"({"name":"x"})") == "m.json: \"kind\" is required");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":7})") == "m.json: \"kernel\" must be a string");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"k","memory_mib":0})") ==
          "m.json: \"memory_mib\" must be a positive integer");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"k","memory_mib":-1})") ==
          "m.json: \"memory_mib\" must be a positive integer");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"k","memory_mib":"256"})") ==
          "m.json: \"memory_mib\" must be a positive integer");
}

TEST_CASE("manifest: the name is a valid registry name", "[registry][manifest]") {
    CHECK(manifest_error(R"({"name":"../x","kind":"linux","kernel":"k","initrd":"i"})")
              .find("m.json: invalid unikernel name \"../x\"") == 0);
    CHECK_THROWS_AS(parse_manifest(R"({"name":".hidden","kind":"multiboot","kernel":"k"})", "m.json"), sys::Error);
}

TEST_CASE("manifest: paths stay inside the entry", "[registry][manifest]") {
    CHECK(manifest_error(R"({"name":"x","kind":"linux","kernel":"../../etc/shadow","initrd":"i"})") ==
          "m.json: path \"../../etc/shadow\" escapes the entry (\"..\" is not allowed)");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"a/../../k"})").find("escapes the entry") !=
          std::string::npos);
    CHECK(manifest_error(R"({"name":"x","kind":"linux","kernel":"/boot/vmlinuz","initrd":"i"})")
              .find("m.json: path \"/boot/vmlinuz\" must be relative") == 0);
    CHECK(manifest_error(R"({"name":"x","kind":"linux","kernel":"k","initrd":"/etc/i"})").find("must be relative") !=
          std::string::npos);
    CHECK(manifest_error(R"({"name":"x","kind":"disk","disk":"../d.img"})").find("escapes the entry") != std::string::npos);
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"k","initrd":""})").find("m.json: ") == 0);
    CHECK_NOTHROW(parse_manifest(R"({"name":"x","kind":"multiboot","kernel":"boot/..k"})", "m.json"));
}

TEST_CASE("manifest: the files each kind needs", "[registry][manifest]") {
    CHECK(manifest_error(R"({"name":"x","kind":"linux","kernel":"vmlinuz"})") == "m.json: kind linux needs an initrd file");
    CHECK(manifest_error(R"({"name":"x","kind":"linux","initrd":"i"})") == "m.json: kind linux needs a kernel file");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":""})") == "m.json: kind multiboot needs a kernel file");
    CHECK(manifest_error(R"({"name":"x","kind":"multiboot","kernel":"k","disk":"d"})") ==
          "m.json: kind multiboot takes no disk (got \"d\")");
    CHECK(manifest_error(R"({"name":"x","kind":"disk","kernel":""})") == "m.json: kind disk needs a disk image");
    CHECK(manifest_error(R"({"name":"x","kind":"disk","disk":"d","initrd":"i"})") ==
          "m.json: kind disk takes no initrd (got \"i\")");
}

TEST_CASE("manifest: validate_entry_path", "[registry][manifest]") {
    CHECK_NOTHROW(validate_entry_path("vmlinuz", "w"));
    CHECK_NOTHROW(validate_entry_path("sub/dir/k", "w"));
    CHECK_THROWS_WITH(validate_entry_path("..", "w"), "w: path \"..\" escapes the entry (\"..\" is not allowed)");
    CHECK_THROWS_WITH(validate_entry_path("/k", "w"), Catch::Contains("must be relative"));
    CHECK_THROWS_AS(validate_entry_path("", "w"), sys::Error);
}
