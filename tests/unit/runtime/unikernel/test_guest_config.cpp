// What the guest is told (runtime/unikernel/guest_config.cpp).
#include <catch2/catch.hpp>

#include "runtime/sys/cpio.hpp"
#include "runtime/unikernel/guest_config.hpp"

using namespace ucrun::unikernel;

TEST_CASE("multiboot_cmdline: Unikraft's form", "[unikernel][guest]") {
    GuestProcess p;
    p.args = {"/kernel", "serve", "--port=80"};
    p.env = {"PATH=/bin", "GREETING=hello world", "A=1"};
    GuestNic nic{"tap0", "52:54:00:00:00:01", "10.89.64.7", 20, "10.89.64.1", {"10.89.64.1", "1.1.1.1"}, ""};
    std::vector<std::string> dropped;
    CHECK(multiboot_cmdline("loglevel=3", p, nic, &dropped) ==
          "loglevel=3 netdev.ip=10.89.64.7/20:10.89.64.1:10.89.64.1 env.vars=[ PATH=/bin A=1 ] -- serve --port=80");
    CHECK(dropped == std::vector<std::string>{"GREETING=hello world"});
    CHECK(multiboot_cmdline("", GuestProcess{{"/kernel"}, {}, "/", ""}, std::nullopt) == "");
}

TEST_CASE("linux_cmdline", "[unikernel][guest]") {
    CHECK(linux_cmdline("", Accel::kvm) == "console=ttyS0 quiet panic=-1 no_timer_check");
    CHECK(linux_cmdline("ucrun.debug", Accel::kvm) == "console=ttyS0 quiet panic=-1 no_timer_check ucrun.debug");
    // Under TCG the APIC timer's 100 ms calibration is skipped too.
    CHECK(linux_cmdline("", Accel::tcg) == "console=ttyS0 quiet panic=-1 no_timer_check nolapic_timer");
    CHECK(linux_cmdline("ucrun.debug", Accel::tcg) ==
          "console=ttyS0 quiet panic=-1 no_timer_check nolapic_timer ucrun.debug");
}

TEST_CASE("net_file", "[unikernel][guest]") {
    GuestNic nic{"tap0", "52:54:00:00:00:01", "10.88.0.5", 16, "10.88.0.1", {"10.88.0.1"}, "dns.podman"};
    CHECK(net_file(nic, "web") ==
          "mac=52:54:00:00:00:01\nip=10.88.0.5\nprefix=16\ngw=10.88.0.1\ndns=10.88.0.1\nsearch=dns.podman\nhostname=web\n");
}

TEST_CASE("linux_config_entries: NUL-terminated args and env", "[unikernel][guest]") {
    GuestProcess p{{"/app", "a b"}, {"K=V"}, "/srv", "h"};
    auto e = linux_config_entries(p, std::nullopt);
    REQUIRE(e.size() == 4);
    CHECK(e[0].name == "ucrun");
    CHECK(e[0].directory);
    CHECK(e[1].name == "ucrun/args");
    CHECK(e[1].data == std::string("/app\0a b\0", 9));
    CHECK(e[2].data == std::string("K=V\0", 4));
    CHECK(e[3].data == "/srv\n");
    CHECK(linux_config_entries(p, GuestNic{}).size() == 5);
    auto seeded = linux_config_entries(p, std::nullopt, std::string(64, 'r'));
    REQUIRE(seeded.size() == 5);
    CHECK(seeded[4].name == "ucrun/seed");
    CHECK(seeded[4].data == std::string(64, 'r'));
    CHECK(seeded[4].mode == 0600);
}

TEST_CASE("config_archive: layout the kernel reads", "[unikernel][cpio]") {
    std::string a = config_archive({{"ucrun", true, "", 0755}, {"ucrun/args", false, "x", 0644}});
    CHECK(a.size() % 4 == 0);
    // Header of the first entry: magic, ino 1, mode 040755, nlink 2, namesize 6.
    CHECK(a.substr(0, 6) == "070701");
    CHECK(a.substr(6, 8) == "00000001");
    CHECK(a.substr(14, 8) == "000041ED");
    CHECK(a.substr(38, 8) == "00000002");
    CHECK(a.substr(94, 8) == "00000006");
    CHECK(a.substr(110, 6) == std::string("ucrun\0", 6));
    // The second entry starts 4-aligned after the name: 110 + 6 = 116.
    CHECK(a.substr(116, 6) == "070701");
    CHECK(a.substr(116 + 54, 8) == "00000001");   // filesize
    CHECK(a.find("TRAILER!!!") != std::string::npos);
    CHECK(sys::cpio_pad4(0) == 0);
    CHECK(sys::cpio_pad4(5) == 3);
}
