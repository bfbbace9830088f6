#include "orchestrator/image/initramfs.hpp"

#include "runtime/sys/cpio.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose::image {

void InitramfsPlan::add(const std::string& guest_path, InitramfsEntry entry) {
    std::string path = sys::archive_path(guest_path);
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        std::string parent = path.substr(0, slash);
        auto it = entries_.find(parent);
        if (it == entries_.end())
            entries_.emplace(parent, InitramfsEntry{InitramfsEntry::Kind::Directory, 0755, {}, {}, 0, 0});
        else if (it->second.kind != InitramfsEntry::Kind::Directory)
            throw sys::Error("image path /" + parent + " is both a file and the directory of /" + path);
    }
    auto [it, inserted] = entries_.emplace(path, entry);
    if (!inserted && !(it->second == entry)) {
        if (it->second.kind == InitramfsEntry::Kind::Directory && entry.kind == InitramfsEntry::Kind::Directory) {
            it->second.mode = entry.mode;
            return;
        }
        throw sys::Error("two different files for /" + path + " in the image");
    }
}

bool InitramfsPlan::contains(const std::string& guest_path) const {
    return entries_.count(sys::archive_path(guest_path)) != 0;
}

void InitramfsPlan::add_host_file(const std::string& guest_path, const std::string& host_path, std::uint32_t mode) {
    add(guest_path, {InitramfsEntry::Kind::File, mode, host_path, {}, 0, 0});
}

void InitramfsPlan::add_data(const std::string& guest_path, std::string data, std::uint32_t mode) {
    add(guest_path, {InitramfsEntry::Kind::File, mode, {}, std::move(data), 0, 0});
}

void InitramfsPlan::add_directory(const std::string& guest_path, std::uint32_t mode) {
    add(guest_path, {InitramfsEntry::Kind::Directory, mode, {}, {}, 0, 0});
}

void InitramfsPlan::add_char_device(const std::string& guest_path, std::uint32_t mode, std::uint32_t major,
                                    std::uint32_t minor) {
    add(guest_path, {InitramfsEntry::Kind::CharDevice, mode, {}, {}, major, minor});
}

std::string render_cpio(const InitramfsPlan& plan) {
    sys::CpioWriter w;
    for (const auto& [path, e] : plan.entries()) {  // sorted: a directory precedes its content
        switch (e.kind) {
            case InitramfsEntry::Kind::Directory:
                w.add_directory(path, e.mode);
                break;
            case InitramfsEntry::Kind::File:
                w.add_file(path, e.host_path.empty() ? e.data : sys::read_file(e.host_path), e.mode);
                break;
            case InitramfsEntry::Kind::Symlink:
                w.add_symlink(path, e.data);
                break;
            case InitramfsEntry::Kind::CharDevice:
                w.add_char_device(path, e.mode, e.major, e.minor);
                break;
        }
    }
    return w.finish();
}

}  // namespace ucompose::image
