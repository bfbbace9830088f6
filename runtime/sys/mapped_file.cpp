#include "runtime/sys/mapped_file.hpp"

#include <sys/mman.h>
#include <sys/stat.h>

#include "runtime/sys/error.hpp"

namespace sys {

MappedFile::MappedFile(int fd, const std::string& what) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_errno("stat " + what);
    if (st.st_size == 0) return;
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) throw_errno("mmap " + what);
    data_ = p;
    size_ = static_cast<std::size_t>(st.st_size);
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

}  // namespace sys
