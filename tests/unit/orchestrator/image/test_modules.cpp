#include <catch2/catch.hpp>

#include "orchestrator/image/modules.hpp"

using namespace ucompose::image;

TEST_CASE("modules: virtio_net's chain in modprobe order (docs/environment.md item 5)") {
    auto deps = parse_modules_dep(
        "kernel/drivers/virtio/virtio.ko: kernel/drivers/virtio/virtio_ring.ko\n"
        "kernel/drivers/virtio/virtio_ring.ko:\n"
        "kernel/drivers/virtio/virtio_pci_modern_dev.ko:\n"
        "kernel/drivers/virtio/virtio_pci_legacy_dev.ko:\n"
        "kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio_pci_legacy_dev.ko "
        "kernel/drivers/virtio/virtio_pci_modern_dev.ko kernel/drivers/virtio/virtio.ko "
        "kernel/drivers/virtio/virtio_ring.ko\n"
        "kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko "
        "kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko\n"
        "kernel/drivers/net/net_failover.ko: kernel/net/core/failover.ko\n"
        "kernel/net/core/failover.ko:\n"
        "kernel/drivers/acpi/button.ko:\n");
    auto plan = plan_modules(deps, {"unix"}, default_guest_modules());
    std::vector<std::string> names;
    for (const auto& p : plan.load) names.push_back(module_name_of(p));
    CHECK(names == std::vector<std::string>{"virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
                                            "virtio_pci", "failover", "net_failover", "virtio_net", "button"});
    CHECK(plan.missing.empty());
}

TEST_CASE("modules: built-in and missing modules are reported, not loaded") {
    auto deps = parse_modules_dep("kernel/drivers/net/virtio_net.ko:\n");
    auto builtin = parse_modules_builtin("kernel/drivers/virtio/virtio_pci.ko\nkernel/drivers/acpi/button.ko\n");
    auto plan = plan_modules(deps, builtin, {"virtio_pci", "virtio_net", "button", "nope"});
    CHECK(plan.load == std::vector<std::string>{"kernel/drivers/net/virtio_net.ko"});
    CHECK(plan.builtin == std::vector<std::string>{"virtio_pci", "button"});
    CHECK(plan.missing == std::vector<std::string>{"nope"});
}

TEST_CASE("modules: names from paths") {
    CHECK(module_name_of("kernel/drivers/hid/hid-generic.ko.xz") == "hid_generic");
    CHECK(module_name_of("virtio_net") == "virtio_net");
}
