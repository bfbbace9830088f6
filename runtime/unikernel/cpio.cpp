#include "runtime/unikernel/cpio.hpp"

#include <cstdio>

namespace ucrun::unikernel {
namespace {

void header(std::string& out, unsigned ino, unsigned mode, unsigned nlink, size_t filesize, size_t namesize) {
    char buf[111];
    std::snprintf(buf, sizeof buf, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ino, mode,
                  0u, 0u, nlink, 0u, static_cast<unsigned>(filesize), 0u, 0u, 0u, 0u,
                  static_cast<unsigned>(namesize), 0u);
    out.append(buf, 110);
}

void entry(std::string& out, unsigned ino, unsigned mode, unsigned nlink, const std::string& name,
           const std::string& data) {
    header(out, ino, mode, nlink, data.size(), name.size() + 1);
    out += name;
    out.push_back('\0');
    out.append(pad4(out.size()), '\0');
    out += data;
    out.append(pad4(out.size()), '\0');
}

}  // namespace

size_t pad4(size_t size) { return (4 - size % 4) % 4; }

std::string newc_archive(const std::vector<CpioEntry>& entries) {
    std::string out;
    unsigned ino = 1;
    for (const auto& e : entries) {
        if (e.directory)
            entry(out, ino++, 0040000u | (e.mode ? e.mode : 0755u), 2, e.name, "");
        else
            entry(out, ino++, 0100000u | (e.mode ? e.mode : 0644u), 1, e.name, e.data);
    }
    entry(out, 0, 0, 1, "TRAILER!!!", "");
    return out;
}

}  // namespace ucrun::unikernel
