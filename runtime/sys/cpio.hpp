// The one writer of "newc" cpio archives (the initramfs format the kernel unpacks): directories,
// regular files, symlinks and device nodes, with mtime 0, uid/gid 0 and sequential inodes, so equal
// input gives equal bytes. The image builder writes whole initramfs images with it, ucrun the small
// /ucrun/ archive it appends to a linux guest's initrd (docs/guest-contract.md).
#pragma once
#include <cstdint>
#include <string>

namespace sys {

class CpioWriter {
public:
    // Paths are archive paths without a leading "/" ("init", "lib/x86_64-linux-gnu/libc.so.6").
    void add_directory(const std::string& path, std::uint32_t mode = 0755);
    void add_file(const std::string& path, const std::string& data, std::uint32_t mode = 0644);
    void add_symlink(const std::string& path, const std::string& target);
    void add_char_device(const std::string& path, std::uint32_t mode, std::uint32_t major, std::uint32_t minor);
    // Appends the TRAILER!!! entry and returns the archive (its length a multiple of 4); the writer
    // is then empty again.
    std::string finish();

    std::size_t size() const { return out_.size(); }

private:
    void add_entry(const std::string& path, std::uint32_t mode, const std::string& data, std::uint32_t rmajor = 0,
                   std::uint32_t rminor = 0);
    std::string out_;
    std::uint32_t next_ino_ = 1;
};

// Strips leading "/" and rejects empty paths and ".." components (sys::Error).
std::string archive_path(const std::string& guest_path);

// Bytes of zero padding that make `size` a multiple of 4: where a newc entry's name and data end,
// and where an archive appended to another must start.
std::size_t cpio_pad4(std::size_t size);

}  // namespace sys
