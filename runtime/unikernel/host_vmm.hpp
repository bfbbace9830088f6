// Where the host's QEMU, its loader, libraries, modules and firmware are, and where the VMM sees
// them inside the container: host /usr is bound read-only at /.ucrun/usr (docs/environment.md item 9).
#pragma once
#include <string>
#include <vector>

namespace ucrun::unikernel {

struct HostVmm {
    std::string qemu;                        // the QEMU binary, container path
    std::string loader;                      // the host's dynamic loader, container path
    std::string library_path;                // --library-path for the loader
    std::string module_dir;                  // QEMU_MODULE_DIR ("" when the host has none)
    std::vector<std::string> firmware_dirs;  // -L, container paths
    std::string linux_firmware;              // qboot.rom, container path ("" = QEMU's default SeaBIOS)
};

// Pure: "/usr/bin/qemu-system-x86_64" -> "/.ucrun/usr/bin/qemu-system-x86_64". Throws when the
// path is not under /usr (it would not be visible in the container).
std::string usr_path_in_container(const std::string& host_path, const std::string& what);

// Resolves the configured QEMU and the host's loader (symlinks followed) and checks they exist.
// Throws "QEMU /usr/bin/qemu-system-x86_64 not found: ..." when QEMU is missing.
HostVmm locate_vmm(const std::string& qemu);

}  // namespace ucrun::unikernel
