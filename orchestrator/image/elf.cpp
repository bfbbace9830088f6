#include "orchestrator/image/elf.hpp"

#include <elf.h>

#include <cstring>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose::image {
namespace {

// Little-endian and 32/64-bit neutral field access with bounds checks.
class Reader {
public:
    Reader(std::string_view bytes, bool is64, std::string what)
        : b_(bytes), is64_(is64), what_(std::move(what)) {}

    std::uint64_t u(std::uint64_t off, int size) const {
        if (off + static_cast<std::uint64_t>(size) > b_.size() || off + size < off)
            throw sys::Error(what_ + ": truncated ELF file");
        std::uint64_t v = 0;
        for (int i = size - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b_[off + i]);
        return v;
    }
    std::uint64_t word(std::uint64_t off) const { return u(off, is64_ ? 8 : 4); }
    std::string cstr(std::uint64_t off) const {
        if (off >= b_.size()) throw sys::Error(what_ + ": string offset outside the ELF file");
        auto end = b_.find('\0', off);
        if (end == std::string_view::npos) throw sys::Error(what_ + ": unterminated string in ELF file");
        return std::string(b_.substr(off, end - off));
    }

private:
    std::string_view b_;
    bool is64_;
    std::string what_;
};

struct Segment {
    std::uint32_t type;
    std::uint64_t offset, vaddr, filesz;
};

std::vector<std::string> split_path_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(':', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

bool looks_like_elf(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "\x7f" "ELF"; }

ElfInfo parse_elf(std::string_view bytes, const std::string& what) {
    if (!looks_like_elf(bytes)) throw sys::Error(what + ": not an ELF file");
    if (bytes.size() < EI_NIDENT) throw sys::Error(what + ": truncated ELF file");
    ElfInfo info;
    info.elf_class = static_cast<unsigned char>(bytes[EI_CLASS]);
    info.data = static_cast<unsigned char>(bytes[EI_DATA]);
    if (info.elf_class != ELFCLASS32 && info.elf_class != ELFCLASS64)
        throw sys::Error(what + ": unknown ELF class " + std::to_string(info.elf_class));
    if (info.data != ELFDATA2LSB) throw sys::Error(what + ": big-endian ELF files are not supported");
    bool is64 = info.elf_class == ELFCLASS64;
    Reader r(bytes, is64, what);
    info.type = static_cast<std::uint16_t>(r.u(16, 2));
    info.machine = static_cast<std::uint16_t>(r.u(18, 2));
    std::uint64_t phoff = is64 ? r.u(32, 8) : r.u(28, 4);
    std::uint64_t phentsize = is64 ? r.u(54, 2) : r.u(42, 2);
    std::uint64_t phnum = is64 ? r.u(56, 2) : r.u(44, 2);

    std::vector<Segment> segs;
    for (std::uint64_t i = 0; i < phnum; ++i) {
        std::uint64_t p = phoff + i * phentsize;
        Segment s{};
        s.type = static_cast<std::uint32_t>(r.u(p, 4));
        if (is64) {
            s.offset = r.u(p + 8, 8);
            s.vaddr = r.u(p + 16, 8);
            s.filesz = r.u(p + 32, 8);
        } else {
            s.offset = r.u(p + 4, 4);
            s.vaddr = r.u(p + 8, 4);
            s.filesz = r.u(p + 16, 4);
        }
        segs.push_back(s);
    }

    const Segment* dynamic = nullptr;
    for (const auto& s : segs) {
        if (s.type == PT_INTERP) info.interpreter = r.cstr(s.offset);
        if (s.type == PT_DYNAMIC) dynamic = &s;
    }
    if (!dynamic) return info;

    auto vaddr_to_offset = [&](std::uint64_t addr) -> std::uint64_t {
        for (const auto& s : segs)
            if (s.type == PT_LOAD && addr >= s.vaddr && addr < s.vaddr + s.filesz) return addr - s.vaddr + s.offset;
        throw sys::Error(what + ": dynamic string table outside every loaded segment");
    };

    const std::uint64_t entsize = is64 ? 16 : 8;
    std::uint64_t strtab = 0;
    bool have_strtab = false;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> entries;
    for (std::uint64_t off = dynamic->offset; off + entsize <= dynamic->offset + dynamic->filesz; off += entsize) {
        std::uint64_t tag = r.word(off);
        std::uint64_t val = r.word(off + entsize / 2);
        if (tag == DT_NULL) break;
        if (tag == DT_STRTAB) {
            strtab = val;
            have_strtab = true;
        }
        if (tag == DT_FLAGS_1 && (val & DF_1_NODEFLIB)) info.nodeflib = true;
        entries.emplace_back(tag, val);
    }
    if (!have_strtab) return info;
    std::uint64_t str_off = vaddr_to_offset(strtab);
    for (const auto& [tag, val] : entries) {
        if (tag == DT_NEEDED) info.needed.push_back(r.cstr(str_off + val));
        if (tag == DT_SONAME) info.soname = r.cstr(str_off + val);
        if (tag == DT_RPATH) info.rpath = split_path_list(r.cstr(str_off + val));
        if (tag == DT_RUNPATH) info.runpath = split_path_list(r.cstr(str_off + val));
    }
    if (!info.runpath.empty()) info.rpath.clear();  // ld.so ignores DT_RPATH when DT_RUNPATH is set
    return info;
}

ElfInfo read_elf(const std::string& path) { return parse_elf(sys::read_file(path), path); }

}  // namespace ucompose::image
