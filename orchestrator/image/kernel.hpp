// Which kernel a `linux` unikernel boots, and its version (to find /lib/modules/<version>).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ucompose::image {

struct KernelChoice {
    std::string path;
    std::optional<std::string> version;
};

// The version string of an x86 bzImage ("6.1.0-56-cloud-amd64"), from its setup header
// (kernel_version at 0x20e), or nullopt when the bytes are not a bzImage.
std::optional<std::string> bzimage_version(std::string_view image);

// "/boot/vmlinuz-6.1.0-56-cloud-amd64" -> "6.1.0-56-cloud-amd64".
std::optional<std::string> version_from_filename(const std::string& path);

// Among /boot/vmlinuz-* names, the newest version, preferring those whose modules exist
// (`has_modules`); nullopt when there is none.
std::optional<std::string> pick_kernel(const std::vector<std::string>& candidates,
                                       const std::vector<std::string>& with_modules);

// The kernel to use: `explicit_path` when given (must exist), else the host's newest /boot/vmlinuz-*.
// Throws sys::Error with a hint (install linux-image-cloud-amd64) when there is none.
KernelChoice find_kernel(const std::optional<std::string>& explicit_path, const std::string& boot_dir = "/boot",
                         const std::string& modules_root = "/lib/modules");

// The kernel a unikernel build puts in its image.
struct GuestKernel {
    std::string path;
    std::optional<std::string> version;          // for /lib/modules/<version> (host kernels)
    bool builtin_drivers = false;                // a kernel of `ucompose kernel build`: no modules
    std::optional<std::string> fallback_warning; // set when the host's kernel stands in for ours
};

// `explicit_path` when given (a file of a purpose-built kernel directory counts as ours), else
// <kernels_root>/current's vmlinux, else the host's kernel (find_kernel) with a warning that says
// how to get the purpose-built one.
GuestKernel choose_guest_kernel(const std::optional<std::string>& explicit_path, const std::string& kernels_root,
                                const std::string& boot_dir = "/boot", const std::string& modules_root = "/lib/modules");

// The image's default guest RAM in MiB when --memory is not given (pure; docs/guest-kernel.md):
// what the kernel needs to boot, twice the unpacked initramfs (the archive, then its files in
// tmpfs), and 32 MiB for the program, rounded up to 16 MiB.
int default_guest_memory_mib(std::uint64_t kernel_bytes, std::uint64_t initramfs_bytes, bool purpose_built);

}  // namespace ucompose::image
