#include "orchestrator/image/gzip.hpp"

#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"

namespace ucompose::image {

void gzip_file(const std::string& input, const std::string& output) {
    sys::write_file_atomic(output, sys::gzip_compress(sys::read_file(input)), 0644);
}

}  // namespace ucompose::image
