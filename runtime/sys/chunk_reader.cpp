#include "runtime/sys/chunk_reader.hpp"

#include <unistd.h>

#include <cerrno>

#include "runtime/sys/error.hpp"

namespace sys {

std::string_view ChunkReader::next() {
    ssize_t n;
    do n = ::pread(fd_, buf_.data(), buf_.size(), off_);
    while (n < 0 && errno == EINTR);
    if (n < 0) throw_errno("read " + what_);
    off_ += n;
    return std::string_view(buf_.data(), static_cast<size_t>(n));
}

}  // namespace sys
