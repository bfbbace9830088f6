// Compression of the initramfs and of the purpose-built kernel (zlib, level 9, no name or
// timestamp, so builds repeat).
#pragma once
#include <string>

namespace ucompose::image {

// Compresses `input` into `output` (created 0644, atomically). Throws sys::Error naming the file.
void gzip_file(const std::string& input, const std::string& output);

}  // namespace ucompose::image
