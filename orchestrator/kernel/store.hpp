// Installed guest kernels: <root>/<source version>-<inputs hash>/ holding vmlinux (PVH ELF),
// bzImage, config, System.map, fragment.config and kernel.json, plus the link <root>/current
// (docs/guest-kernel.md).
// A kernel directory appears whole (built aside, then renamed) and `current` moves atomically.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "runtime/sys/staged_dir.hpp"

namespace ucompose::kernel {

// $UCRUN_KERNELS, else /var/lib/ucrun/kernels.
std::string default_root();

struct InstalledKernel {
    std::string dir;
    std::string name;             // the directory's name
    std::string vmlinux;          // path of the PVH ELF
    std::string bzimage;          // path of the bzImage
    std::string release;          // `make kernelrelease`, e.g. "6.1.192"
    std::string inputs_hash;
    bool modules = false;         // false: every driver is built in, the guest loads no module
    long build_seconds = 0;
    long compile_steps = 0;       // compiler invocations of the build (the next build's progress total)
};

// The kernel in `dir`, or nullopt when it is not a complete kernel directory.
std::optional<InstalledKernel> read_kernel(const std::string& dir);
// What <root>/current points at, or nullopt.
std::optional<InstalledKernel> current_kernel(const std::string& root);
// Every complete kernel directory under root, sorted by name.
std::vector<InstalledKernel> list_kernels(const std::string& root);

// Points <root>/current at <root>/<name> (a new link renamed over the old one).
void set_current(const std::string& root, const std::string& name);

// A kernel directory being written; removed on destruction unless committed.
class StagedKernel {
public:
    StagedKernel(std::string root, std::string name);
    StagedKernel(const StagedKernel&) = delete;
    StagedKernel& operator=(const StagedKernel&) = delete;

    const std::string& dir() const { return staged_.path(); }
    // Writes kernel.json, renames the directory into place (replacing an incomplete one) and
    // returns what was installed.
    InstalledKernel commit(const InstalledKernel& facts);

private:
    sys::StagedDir staged_;
};

}  // namespace ucompose::kernel
