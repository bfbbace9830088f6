#include "runtime/unikernel/kernel_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "runtime/sys/chunk_reader.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/sys/sha256.hpp"

namespace ucrun::unikernel {
namespace {

constexpr const char* kPrefix = "kernel-";

bool starts_gzip(const sys::RegularFile& f) {
    char magic[2] = {};
    return ::pread(f.fd.get(), magic, 2, 0) == 2 && sys::is_gzip(std::string_view(magic, 2));
}

// Removes the least recently used cache files (by mtime, which a hit renews) until the cache holds
// at most `max_bytes`, never `keep`.
void evict(const std::string& cache_dir, const std::string& keep, std::uint64_t max_bytes) {
    struct Entry {
        std::filesystem::file_time_type used;
        std::uint64_t size;
        std::string path;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(cache_dir, ec)) {
        if (e.path().filename().string().rfind(kPrefix, 0) != 0 || !e.is_regular_file(ec)) continue;
        Entry en{e.last_write_time(ec), e.file_size(ec), e.path().string()};
        if (ec) continue;
        total += en.size;
        if (en.path != keep) entries.push_back(en);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
    for (const auto& en : entries) {
        if (total <= max_bytes) break;
        if (::unlink(en.path.c_str()) == 0) total -= en.size;
    }
}

}  // namespace

std::string unpacked_kernel(const std::string& path, const std::string& cache_dir, const KernelCacheLimits& limits) {
    const std::string what = "kernel " + path;
    sys::RegularFile f = sys::reopen_regular(path, "kernel", limits.kernel_bytes);
    if (!starts_gzip(f)) return path;
    sys::Sha256 hash;
    sys::ChunkReader hashing(f.fd.get(), what);
    for (std::string_view chunk = hashing.next(); !chunk.empty(); chunk = hashing.next()) hash.update(chunk);
    std::string cached = cache_dir + "/" + kPrefix + hash.hex() + "-" + std::to_string(f.size);
    if (sys::path_exists(cached)) {
        (void)::utimensat(AT_FDCWD, cached.c_str(), nullptr, 0);  // just used: evicted last
        return cached;
    }
    sys::make_dirs(cache_dir, 0755);
    try {
        sys::AtomicFile out(cached, 0644);
        sys::ChunkReader unpacking(f.fd.get(), what);
        sys::gzip_decompress_stream([&] { return unpacking.next(); },
                                    [&](std::string_view chunk) { out.write(chunk); }, what,
                                    limits.unpacked_bytes);
        out.commit();
    } catch (...) {
        (void)::rmdir(cache_dir.c_str());  // a cache made for a kernel that failed goes (if empty)
        throw;
    }
    evict(cache_dir, cached, limits.cache_bytes);
    return cached;
}

}  // namespace ucrun::unikernel
