// Which kernel modules the guest init loads, and in which order: from the kernel's modules.dep, the
// dependencies of each wanted module first (the order modprobe would use), built-in ones skipped.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ucompose::image {

// module path relative to /lib/modules/<ver>/ -> its dependencies' paths, as listed.
using ModuleDeps = std::map<std::string, std::vector<std::string>>;

ModuleDeps parse_modules_dep(const std::string& text);
// The names ("virtio_net") of modules.builtin's entries.
std::set<std::string> parse_modules_builtin(const std::string& text);
// "kernel/drivers/net/virtio_net.ko" -> "virtio_net" (also for .ko.xz/.zst/.gz; '-' becomes '_').
std::string module_name_of(const std::string& path);

struct ModulePlan {
    std::vector<std::string> load;     // relative paths, dependencies first
    std::vector<std::string> builtin;  // wanted names that are built into the kernel
    std::vector<std::string> missing;  // wanted names found nowhere
};

ModulePlan plan_modules(const ModuleDeps& deps, const std::set<std::string>& builtin,
                        const std::vector<std::string>& wanted);

// What a `linux` guest needs: the virtio PCI transport, the NIC, and the ACPI power button
// (QEMU's system_powerdown). Gives virtio_ring, virtio, virtio_pci_modern_dev,
// virtio_pci_legacy_dev, virtio_pci, failover, net_failover, virtio_net, button on Debian 12.
std::vector<std::string> default_guest_modules();

}  // namespace ucompose::image
