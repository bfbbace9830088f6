#include "orchestrator/image/kernel.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>

#include "orchestrator/kernel/store.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucompose::image {

std::optional<std::string> bzimage_version(std::string_view image) {
    if (image.size() < 0x210 || image.substr(0x202, 4) != "HdrS") return std::nullopt;
    unsigned off = static_cast<unsigned char>(image[0x20e]) | (static_cast<unsigned char>(image[0x20f]) << 8);
    if (off == 0) return std::nullopt;
    size_t start = off + 0x200;
    if (start >= image.size()) return std::nullopt;
    size_t end = image.find_first_of(std::string_view(" \0", 2), start);
    if (end == std::string_view::npos || end == start) return std::nullopt;
    return std::string(image.substr(start, end - start));
}

std::optional<std::string> version_from_filename(const std::string& path) {
    auto slash = path.rfind('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    const std::string prefix = "vmlinuz-";
    if (base.rfind(prefix, 0) != 0 || base.size() == prefix.size()) return std::nullopt;
    return base.substr(prefix.size());
}

std::optional<std::string> pick_kernel(const std::vector<std::string>& candidates,
                                       const std::vector<std::string>& with_modules) {
    auto newest = [](std::vector<std::string> v) -> std::optional<std::string> {
        if (v.empty()) return std::nullopt;
        std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
            return ::strverscmp(a.c_str(), b.c_str()) < 0;
        });
        return v.back();
    };
    if (auto k = newest(with_modules)) return k;
    return newest(candidates);
}

KernelChoice find_kernel(const std::optional<std::string>& explicit_path, const std::string& boot_dir,
                         const std::string& modules_root) {
    if (explicit_path) {
        // Only the setup header is needed for the version.
        sys::UniqueFd fd(::open(explicit_path->c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) sys::throw_errno("kernel " + *explicit_path);
        std::string head(0x4000, '\0');
        ssize_t n = ::pread(fd.get(), head.data(), head.size(), 0);
        if (n < 0) sys::throw_errno("read kernel " + *explicit_path);
        head.resize(static_cast<size_t>(n));
        auto version = bzimage_version(head);
        if (!version) version = version_from_filename(*explicit_path);
        return {*explicit_path, version};
    }
    std::vector<std::string> all, with_modules;
    if (DIR* d = ::opendir(boot_dir.c_str())) {
        while (dirent* e = ::readdir(d)) {
            std::string path = boot_dir + "/" + e->d_name;
            auto v = version_from_filename(path);
            if (!v) continue;
            all.push_back(path);
            if (sys::path_exists(modules_root + "/" + *v)) with_modules.push_back(path);
        }
        ::closedir(d);
    }
    auto chosen = pick_kernel(all, with_modules);
    if (!chosen)
        throw sys::Error("no kernel found: " + boot_dir +
                         "/vmlinuz-* does not exist; install one (apt-get install linux-image-cloud-amd64) "
                         "or pass --kernel PATH");
    return {*chosen, version_from_filename(*chosen)};
}

GuestKernel choose_guest_kernel(const std::optional<std::string>& explicit_path, const std::string& kernels_root,
                                const std::string& boot_dir, const std::string& modules_root) {
    GuestKernel g;
    if (explicit_path) {
        auto slash = explicit_path->find_last_of('/');
        std::string dir = slash == std::string::npos ? "." : explicit_path->substr(0, slash);
        if (auto ours = kernel::read_kernel(dir); ours && !ours->modules && sys::path_exists(*explicit_path)) {
            g.path = *explicit_path;
            g.builtin_drivers = true;
            return g;
        }
        KernelChoice c = find_kernel(explicit_path, boot_dir, modules_root);
        g.path = c.path;
        g.version = c.version;
        return g;
    }
    if (auto ours = kernel::current_kernel(kernels_root)) {
        g.path = ours->vmlinux;
        g.builtin_drivers = !ours->modules;
        return g;
    }
    KernelChoice c = find_kernel(std::nullopt, boot_dir, modules_root);
    g.path = c.path;
    g.version = c.version;
    g.fallback_warning = "no purpose-built guest kernel in " + kernels_root +
                         " (run `ucompose kernel build`); using the host's kernel " + c.path +
                         ", which boots slower and needs more memory";
    return g;
}

int default_guest_memory_mib(std::uint64_t kernel_bytes, std::uint64_t initramfs_bytes, bool purpose_built) {
    const std::uint64_t mib = 1024 * 1024;
    // Measured under TCG (docs/guest-kernel.md): our kernel boots in 24 MiB; Debian's cloud kernel,
    // with about four times its compressed size unpacked and its page tables, wants 64 MiB more.
    std::uint64_t kernel_need = purpose_built ? 24 : 64 + 4 * ((kernel_bytes + mib - 1) / mib);
    std::uint64_t total = kernel_need + 2 * ((initramfs_bytes + mib - 1) / mib) + 32;
    return static_cast<int>((total + 15) / 16 * 16);
}

}  // namespace ucompose::image
