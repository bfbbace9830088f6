// Annotations -> guest description (runtime/unikernel/annotations.cpp).
#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "tests/unit/error_of.hpp"
#include "runtime/unikernel/annotations.hpp"

using namespace ucrun::unikernel;
using Map = std::map<std::string, std::string>;

TEST_CASE("ucrun annotations: absent means not a unikernel", "[unikernel][annotations]") {
    CHECK_FALSE(from_ucrun_annotations(Map{{"io.podman.annotations.init", "FALSE"}}, "/r"));
    CHECK_FALSE(from_urunc_annotations(Map{}, "/r"));
}

TEST_CASE("ucrun annotations: full set", "[unikernel][annotations]") {
    auto s = from_ucrun_annotations(Map{{"io.ucrun.unikernel.kind", "linux"},
                                        {"io.ucrun.unikernel.kernel", "/boot/vmlinuz"},
                                        {"io.ucrun.unikernel.initrd", "/boot/initrd.img"},
                                        {"io.ucrun.unikernel.cmdline", "loglevel=3"},
                                        {"io.ucrun.unikernel.memory", "1G"}},
                                    "/rootfs");
    REQUIRE(s);
    CHECK(s->kind == GuestKind::linux_);
    CHECK(s->base == "/rootfs");
    CHECK(s->kernel == "/boot/vmlinuz");
    CHECK(s->initrd == "/boot/initrd.img");
    CHECK(s->cmdline == "loglevel=3");
    CHECK(s->memory_mib == 1024);
}

TEST_CASE("ucrun annotations: the kind is inferred from the files", "[unikernel][annotations]") {
    CHECK(from_ucrun_annotations(Map{{"io.ucrun.unikernel.disk", "/d.img"}}, "/r")->kind == GuestKind::disk);
    CHECK(from_ucrun_annotations(Map{{"io.ucrun.unikernel.kernel", "/k"}}, "/r")->kind == GuestKind::multiboot);
    CHECK(from_ucrun_annotations(Map{{"io.ucrun.unikernel.kernel", "/k"}, {"io.ucrun.unikernel.initrd", "/i"}}, "/r")
              ->kind == GuestKind::linux_);
}

TEST_CASE("ucrun annotations: malformed ones are named", "[unikernel][annotations]") {
    CHECK(error_of([] { from_ucrun_annotations(Map{{"io.ucrun.unikernel.kind", "banana"}}, "/r"); }) ==
          "annotation io.ucrun.unikernel.kind=\"banana\": unknown kind (use linux, multiboot or disk)");
    CHECK(error_of([] { from_ucrun_annotations(Map{{"io.ucrun.unikernel.kernal", "/k"}}, "/r"); })
              .find("annotation io.ucrun.unikernel.kernal: unknown key") == 0);
    CHECK(error_of([] {
              from_ucrun_annotations(Map{{"io.ucrun.unikernel.kernel", "/k"}, {"io.ucrun.unikernel.memory", "x"}}, "/r");
          }).find("invalid memory size \"x\"") != std::string::npos);
    CHECK(error_of([] { from_ucrun_annotations(Map{{"io.ucrun.unikernel.kernel", "/../etc/shadow"}}, "/r"); })
              .find("\"..\" is not allowed") != std::string::npos);
    CHECK(error_of([] { from_ucrun_annotations(Map{{"io.ucrun.unikernel.kind", "linux"}, {"io.ucrun.unikernel.kernel", "/k"}}, "/r"); })
              .find("kind linux needs an initrd file") != std::string::npos);
    CHECK(error_of([] { from_ucrun_annotations(Map{{"io.ucrun.unikernel.kind", "disk"}}, "/r"); })
              .find("kind disk needs a disk image") != std::string::npos);
}

TEST_CASE("urunc annotations", "[unikernel][annotations]") {
    auto mb = from_urunc_annotations(Map{{"com.urunc.unikernel.unikernelType", "unikraft"},
                                         {"com.urunc.unikernel.hypervisor", "qemu"},
                                         {"com.urunc.unikernel.binary", "/unikernel/app"},
                                         {"com.urunc.unikernel.cmdline", "x=1"}},
                                     "/r");
    REQUIRE(mb);
    CHECK(mb->kind == GuestKind::multiboot);
    CHECK(mb->kernel == "/unikernel/app");
    CHECK(mb->cmdline == "x=1");
    auto lx = from_urunc_annotations(Map{{"com.urunc.unikernel.unikernelType", "linux"},
                                         {"com.urunc.unikernel.binary", "/k"},
                                         {"com.urunc.unikernel.initrd", "/i"}},
                                     "/r");
    CHECK(lx->kind == GuestKind::linux_);
    auto disk = from_urunc_annotations(Map{{"com.urunc.unikernel.block", "/disk.img"}}, "/r");
    CHECK(disk->kind == GuestKind::disk);
    CHECK(disk->disk == "/disk.img");
}

TEST_CASE("parse_memory_mib", "[unikernel][annotations]") {
    CHECK(parse_memory_mib("256", "m") == 256);
    CHECK(parse_memory_mib("256M", "m") == 256);
    CHECK(parse_memory_mib("256MiB", "m") == 256);
    CHECK(parse_memory_mib("2g", "m") == 2048);
    CHECK_THROWS_AS(parse_memory_mib("", "m"), sys::Error);
    CHECK_THROWS_AS(parse_memory_mib("0", "m"), sys::Error);
    CHECK_THROWS_AS(parse_memory_mib("12T", "m"), sys::Error);
    CHECK_THROWS_AS(parse_memory_mib("-5", "m"), sys::Error);
}
