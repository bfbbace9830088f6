// A minimal writer of uncompressed "newc" cpio archives (pure), as the kernel's initramfs
// unpacker reads them: directories and regular files, then the TRAILER!!! entry.
#pragma once
#include <string>
#include <vector>

namespace ucrun::unikernel {

struct CpioEntry {
    std::string name;   // relative, no leading '/': "ucrun", "ucrun/args"
    bool directory = false;
    std::string data;   // files only
    unsigned mode = 0;  // permission bits; 0 = 0755 for directories, 0644 for files
};

// The archive's bytes; its length is a multiple of 4. Inode numbers count from 1 in order;
// mtime is 0 so the output is reproducible.
std::string newc_archive(const std::vector<CpioEntry>& entries);

// Bytes of zero padding that make `size` a multiple of 4 (where an appended archive must start).
size_t pad4(size_t size);

}  // namespace ucrun::unikernel
