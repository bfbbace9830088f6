#include "runtime/unikernel/kernel_cache.hpp"

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/sha256.hpp"

namespace ucrun::unikernel {
namespace {

constexpr std::size_t kMaxKernelBytes = 512u << 20;

}  // namespace

std::string unpacked_kernel(const std::string& path, const std::string& cache_dir) {
    auto read = sys::read_file_if_exists(path);
    if (!read) throw sys::SystemError("kernel " + path, ENOENT);
    const std::string& data = *read;
    if (!sys::is_gzip(data)) return path;
    std::string cached = cache_dir + "/kernel-" + sys::sha256_hex(data) + "-" + std::to_string(data.size());
    if (sys::path_exists(cached)) return cached;
    std::string plain = sys::gzip_decompress(data, "kernel " + path, kMaxKernelBytes);
    sys::make_dirs(cache_dir, 0755);
    sys::write_file_atomic(cached, plain, 0644);
    return cached;
}

}  // namespace ucrun::unikernel
