// `ucompose unikernel build`: any Linux ELF -> a bootable `linux` unikernel (kernel + initramfs
// with the guest init, the ELF, its libraries, extra files and the virtio modules), installed in
// the local registry and/or packaged as an OCI image.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/image/command_runner.hpp"

namespace ucompose::image {

struct UnikernelBuildOptions {
    std::string elf;                    // host path of the program
    std::string name;                   // registry name (also the image's io.ucrun.unikernel.name)
    std::optional<std::string> kernel;  // default: the purpose-built kernel (kernels_root/current),
                                        // else the host's newest /boot/vmlinuz-* with a warning
    std::string kernels_root;           // empty: kernel::default_root()
    std::vector<std::string> args;      // default arguments after argv[0]
    std::vector<std::string> env;       // default environment, K=V
    std::vector<std::string> files;     // SRC:DST (a directory SRC is copied recursively)
    std::vector<std::string> extra_modules;  // module names beyond default_guest_modules()
    std::string cmdline;                // appended to ucrun's kernel cmdline
    std::optional<int> memory_mib;      // default: sized from the kernel and the initramfs
    std::string registry_root;          // empty: registry::default_root()
    bool install = true;                // into the registry
    std::optional<std::string> image;   // also build this OCI image
    bool force = false;                 // replace an existing registry entry
    std::string podman = "podman";
};

struct UnikernelBuildResult {
    std::optional<std::string> entry_dir;
    std::optional<std::string> image;
    std::string kernel;
    bool kernel_purpose_built = false;       // the guest kernel of `ucompose kernel build`
    std::uint64_t kernel_bytes = 0;
    int memory_mib = 0;                      // the image's default guest RAM
    std::uint64_t initrd_bytes = 0;          // compressed
    std::uint64_t initrd_cpio_bytes = 0;     // uncompressed
    std::vector<std::string> libraries;      // host paths
    std::vector<std::string> modules;        // load order
    std::vector<std::string> warnings;
};

using Progress = std::function<void(const std::string&)>;

UnikernelBuildResult build_unikernel(const UnikernelBuildOptions& opts, CommandRunner& runner,
                                     const Progress& progress = {});

struct UnikernelImportOptions {
    std::string name;
    std::string kind = "linux";          // linux | multiboot | disk
    std::optional<std::string> kernel;   // required except for disk
    std::optional<std::string> initrd;   // linux (required), multiboot (optional)
    std::optional<std::string> disk;     // disk (required)
    std::string cmdline;
    int memory_mib = 256;
    std::string registry_root;
    bool install = true;
    std::optional<std::string> image;
    bool force = false;
    std::string podman = "podman";
};

// `ucompose unikernel import`: registers prebuilt files (Unikraft ELF, Nanos disk, kernel+initrd).
std::optional<std::string> import_unikernel(const UnikernelImportOptions& opts, CommandRunner& runner,
                                            const Progress& progress = {});

}  // namespace ucompose::image
