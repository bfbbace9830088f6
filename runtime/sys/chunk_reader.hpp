// Reading an opened file a chunk at a time (pread from offset 0, the fd's own offset untouched),
// for streams that must never be whole in memory: a guest kernel being hashed or unpacked, a
// pulled layer being unpacked to disk.
#pragma once
#include <sys/types.h>

#include <string>
#include <string_view>

namespace sys {

class ChunkReader {
public:
    ChunkReader(int fd, std::string what) : fd_(fd), what_(std::move(what)) {}
    // The next chunk (at most 64 KiB, valid until the next call); empty at the end of the file.
    // Throws SystemError "read WHAT".
    std::string_view next();

private:
    int fd_;
    std::string what_;
    std::string buf_ = std::string(1 << 16, '\0');
    off_t off_ = 0;
};

}  // namespace sys
