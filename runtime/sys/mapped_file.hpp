// A whole regular file mapped read-only (RAII munmap): its bytes are the page cache's, read on
// demand and given back under memory pressure, so a large file (an unpacked layer) is looked at
// without being copied into the process's own memory.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace sys {

class MappedFile {
public:
    // Maps all of `fd` (which may be closed afterwards). An empty file maps to an empty view.
    // Throws SystemError "mmap WHAT".
    MappedFile(int fd, const std::string& what);
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_) { o.data_ = nullptr, o.size_ = 0; }
    MappedFile& operator=(MappedFile&&) = delete;
    ~MappedFile();

    std::string_view view() const { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace sys
