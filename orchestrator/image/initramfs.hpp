// The content of a unikernel's initramfs as data (guest path -> where the bytes come from), and
// its rendering to a cpio archive. Parent directories are implied; order is sorted, so builds repeat.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace ucompose::image {

struct InitramfsEntry {
    enum class Kind { Directory, File, Symlink, CharDevice };
    Kind kind = Kind::File;
    std::uint32_t mode = 0644;
    std::string host_path;  // File: read from here when set
    std::string data;       // File: the content when host_path is empty; Symlink: the target
    std::uint32_t major = 0, minor = 0;
    bool operator==(const InitramfsEntry&) const = default;
};

class InitramfsPlan {
public:
    void add_host_file(const std::string& guest_path, const std::string& host_path, std::uint32_t mode);
    void add_data(const std::string& guest_path, std::string data, std::uint32_t mode = 0644);
    void add_directory(const std::string& guest_path, std::uint32_t mode = 0755);
    void add_char_device(const std::string& guest_path, std::uint32_t mode, std::uint32_t major, std::uint32_t minor);

    // Archive path ("usr/bin/busybox") -> entry, directories included.
    const std::map<std::string, InitramfsEntry>& entries() const { return entries_; }
    bool contains(const std::string& guest_path) const;

private:
    void add(const std::string& guest_path, InitramfsEntry entry);
    std::map<std::string, InitramfsEntry> entries_;
};

// Reads the host files and returns the uncompressed newc archive.
std::string render_cpio(const InitramfsPlan& plan);

}  // namespace ucompose::image
