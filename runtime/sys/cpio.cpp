#include "runtime/sys/cpio.hpp"

#include <sys/stat.h>

#include <cstdio>

#include "runtime/sys/error.hpp"

namespace sys {
namespace {

void pad4(std::string& s) { s.append(cpio_pad4(s.size()), '\0'); }

void hex8(std::string& s, std::uint32_t v) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08X", v);
    s.append(buf, 8);
}

}  // namespace

std::size_t cpio_pad4(std::size_t size) { return (4 - size % 4) % 4; }

std::string archive_path(const std::string& guest_path) {
    size_t start = guest_path.find_first_not_of('/');
    if (start == std::string::npos) throw Error("invalid path in image: \"" + guest_path + "\"");
    std::string p = guest_path.substr(start);
    while (!p.empty() && p.back() == '/') p.pop_back();
    size_t pos = 0;
    while (pos <= p.size()) {
        size_t end = p.find('/', pos);
        if (end == std::string::npos) end = p.size();
        std::string part = p.substr(pos, end - pos);
        if (part == ".." || part == "." || part.empty())
            throw Error("invalid path in image: \"" + guest_path + "\" (empty, . or .. component)");
        pos = end + 1;
    }
    return p;
}

void CpioWriter::add_entry(const std::string& path, std::uint32_t mode, const std::string& data, std::uint32_t rmajor,
                           std::uint32_t rminor) {
    out_ += "070701";
    hex8(out_, next_ino_++);                                 // c_ino
    hex8(out_, mode);                                        // c_mode
    hex8(out_, 0);                                           // c_uid
    hex8(out_, 0);                                           // c_gid
    hex8(out_, S_ISDIR(mode) ? 2 : 1);                       // c_nlink
    hex8(out_, 0);                                           // c_mtime
    hex8(out_, static_cast<std::uint32_t>(data.size()));     // c_filesize
    hex8(out_, 0);                                           // c_devmajor
    hex8(out_, 0);                                           // c_devminor
    hex8(out_, rmajor);                                      // c_rdevmajor
    hex8(out_, rminor);                                      // c_rdevminor
    hex8(out_, static_cast<std::uint32_t>(path.size() + 1)); // c_namesize
    hex8(out_, 0);                                           // c_check
    out_ += path;
    out_.push_back('\0');
    pad4(out_);
    out_ += data;
    pad4(out_);
}

void CpioWriter::add_directory(const std::string& path, std::uint32_t mode) {
    add_entry(path, S_IFDIR | (mode & 07777), {});
}

void CpioWriter::add_file(const std::string& path, const std::string& data, std::uint32_t mode) {
    if (data.size() > 0xffffffffu) throw Error("cpio: " + path + " is larger than 4 GiB");
    add_entry(path, S_IFREG | (mode & 07777), data);
}

void CpioWriter::add_symlink(const std::string& path, const std::string& target) {
    add_entry(path, S_IFLNK | 0777, target);
}

void CpioWriter::add_char_device(const std::string& path, std::uint32_t mode, std::uint32_t major,
                                 std::uint32_t minor) {
    add_entry(path, S_IFCHR | (mode & 07777), {}, major, minor);
}

std::string CpioWriter::finish() {
    next_ino_ = 0;  // the trailer has ino 0, like GNU cpio
    add_entry("TRAILER!!!", 0, {});
    next_ino_ = 1;
    std::string archive;
    archive.swap(out_);
    return archive;
}

}  // namespace sys
