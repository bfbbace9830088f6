#include "orchestrator/image/compress.hpp"

#include <zstd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"

namespace ucompose::image {

void gzip_file(const std::string& input, const std::string& output) {
    sys::write_file_atomic(output, sys::gzip_compress(sys::read_file(input)), 0644);
}

void zstd_file(const std::string& input, const std::string& output) {
    std::string data = sys::read_file(input);
    std::string out(ZSTD_compressBound(data.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), kInitramfsZstdLevel);
    if (ZSTD_isError(n)) throw sys::Error("zstd " + input + ": " + ZSTD_getErrorName(n));
    out.resize(n);
    sys::write_file_atomic(output, out, 0644);
}

}  // namespace ucompose::image
