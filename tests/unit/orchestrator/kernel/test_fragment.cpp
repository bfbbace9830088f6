#include <catch2/catch.hpp>

#include "orchestrator/image/embedded.hpp"
#include "orchestrator/kernel/fragment.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucompose::kernel;

TEST_CASE("kernel fragment: settings, unset lines and comments") {
    auto f = parse_fragment("# a comment\nCONFIG_PVH=y\n\n# CONFIG_MODULES is not set\nCONFIG_NR_CPUS=16\n"
                            "CONFIG_CMDLINE=\"\"\n",
                            "frag");
    REQUIRE(f.size() == 4);
    CHECK(f[0].name == "CONFIG_PVH");
    CHECK(f[0].value == std::optional<std::string>("y"));
    CHECK(f[0].line == 2);
    CHECK(f[1].name == "CONFIG_MODULES");
    CHECK_FALSE(f[1].value.has_value());
    CHECK(f[1].line == 4);
    CHECK(f[2].value == std::optional<std::string>("16"));
    CHECK(f[3].value == std::optional<std::string>("\"\""));
}

TEST_CASE("kernel fragment: malformed lines name the place") {
    CHECK(error_of([] { parse_fragment("CONFIG_PVH=y\nPVH=y\n", "x.config"); }) ==
          "x.config:2: expected CONFIG_NAME=value or \"# CONFIG_NAME is not set\", got \"PVH=y\"");
    CHECK(error_of([] { parse_fragment("CONFIG_PVH=\n", "x.config"); }) ==
          "x.config:1: CONFIG_PVH has no value (write \"# CONFIG_PVH is not set\")");
    CHECK(error_of([] { parse_fragment("CONFIG_PVH=y\nCONFIG_SMP=y\n# CONFIG_PVH is not set\n", "x.config"); }) ==
          "x.config:3: CONFIG_PVH is already set on line 1");
}

TEST_CASE("kernel fragment: what the final .config does not honour") {
    auto f = parse_fragment("CONFIG_PVH=y\nCONFIG_ACPI_BUTTON=y\n# CONFIG_CPU_FREQ is not set\n# CONFIG_INPUT_MOUSE is not set\n"
                            "CONFIG_NR_CPUS=16\nCONFIG_SMP=y\n",
                            "f");
    std::string dot = "CONFIG_PVH=y\n# CONFIG_ACPI_BUTTON is not set\nCONFIG_CPU_FREQ=y\nCONFIG_NR_CPUS=8\n";
    auto bad = unhonoured(f, dot);
    REQUIRE(bad.size() == 4);
    CHECK(bad[0] == "line 2: CONFIG_ACPI_BUTTON=y, but in the final .config it is not set");
    CHECK(bad[1] == "line 3: CONFIG_CPU_FREQ off, but in the final .config it is y");
    CHECK(bad[2] == "line 5: CONFIG_NR_CPUS=16, but in the final .config it is 8");
    CHECK(bad[3] == "line 6: CONFIG_SMP=y, but in the final .config it is absent (a dependency is off)");
    CHECK(unhonoured(parse_fragment("CONFIG_PVH=y\n# CONFIG_X is not set\n", "f"), "CONFIG_PVH=y\n").empty());
}

TEST_CASE("kernel fragment: the cache key changes with every input and names the directory") {
    BuildInputs in{"6.1.192-1", "/usr/src/linux-source-6.1.tar.xz 1 2", "CONFIG_PVH=y\n", "gcc (Debian 12.2.0-14) 12.2.0"};
    std::string h = inputs_hash(in);
    CHECK(h.size() == 12);
    CHECK(inputs_hash(in) == h);
    for (auto change : {&BuildInputs::source_version, &BuildInputs::source_identity, &BuildInputs::fragment,
                        &BuildInputs::compiler}) {
        BuildInputs other = in;
        other.*change += "x";
        CHECK(inputs_hash(other) != h);
    }
    // Field boundaries count: moving a character from one field to the next is a different key.
    BuildInputs a{"ab", "c", "", ""}, b{"a", "bc", "", ""};
    CHECK(inputs_hash(a) != inputs_hash(b));
    CHECK(entry_name("6.1.192-1", "0123456789ab") == "6.1.192-1-0123456789ab");
    CHECK(entry_name("1:6.1+x/y", "h") == "1_6.1_x_y-h");
    CHECK(entry_name("", "h") == "unknown-h");
}

TEST_CASE("kernel fragment: the carried fragment parses and asks for what the issue lists") {
    auto f = parse_fragment(ucompose::image::guest_kernel_fragment(), "built-in");
    auto value = [&](const std::string& name) -> std::optional<std::string> {
        for (const auto& s : f)
            if (s.name == name) return s.value ? *s.value : "off";
        return std::nullopt;
    };
    for (const char* on : {"CONFIG_PVH", "CONFIG_VIRTIO_PCI", "CONFIG_VIRTIO_MMIO", "CONFIG_VIRTIO_NET", "CONFIG_VIRTIO_BLK",
                           "CONFIG_VIRTIO_CONSOLE", "CONFIG_SERIAL_8250_CONSOLE", "CONFIG_BLK_DEV_INITRD",
                           "CONFIG_BINFMT_ELF", "CONFIG_BINFMT_SCRIPT", "CONFIG_PROC_FS", "CONFIG_SYSFS", "CONFIG_DEVTMPFS",
                           "CONFIG_TMPFS", "CONFIG_EXT4_FS", "CONFIG_INET", "CONFIG_IPV6", "CONFIG_UNIX", "CONFIG_PACKET",
                           "CONFIG_FUTEX", "CONFIG_EPOLL", "CONFIG_EVENTFD", "CONFIG_TIMERFD", "CONFIG_SIGNALFD",
                           "CONFIG_AIO", "CONFIG_SYSVIPC", "CONFIG_POSIX_MQUEUE", "CONFIG_ACPI_BUTTON"})
        CHECK(value(on) == std::optional<std::string>("y"));
    CHECK(value("CONFIG_MODULES") == std::optional<std::string>("off"));
    CHECK(value("CONFIG_SERIO") == std::optional<std::string>("off"));
}
