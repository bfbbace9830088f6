// Compression of what the image builder writes: the initramfs with zstd (smaller than gzip -9,
// five times faster to write, and about four times faster for the guest kernel to unpack under
// TCG: docs/guest-kernel.md), the purpose-built kernel with gzip (what ucrun unpacks with zlib).
// Both without names or timestamps, so builds repeat.
#pragma once
#include <string>

namespace ucompose::image {

// Compresses `input` into `output` (created 0644, atomically). Throws sys::Error naming the file.
void gzip_file(const std::string& input, const std::string& output);
void zstd_file(const std::string& input, const std::string& output);

// zstd's level for initramfs images: the knee of size against build time (-19 is 5% smaller and
// thirteen times slower to write).
inline constexpr int kInitramfsZstdLevel = 10;

}  // namespace ucompose::image
