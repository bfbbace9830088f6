#include "orchestrator/kernel/compact_elf.hpp"

#include <elf.h>

#include <cstring>
#include <vector>

#include "runtime/sys/error.hpp"

namespace ucompose::kernel {
namespace {

constexpr uint64_t kPage = 4096;

uint64_t align_to(uint64_t offset, uint64_t vaddr) {
    // The smallest offset >= `offset` with offset % kPage == vaddr % kPage.
    uint64_t want = vaddr % kPage;
    uint64_t base = offset - offset % kPage + want;
    return base >= offset ? base : base + kPage;
}

}  // namespace

std::string compact_elf(std::string_view elf, const std::string& origin) {
    auto bad = [&](const std::string& why) { return sys::Error(origin + ": " + why); };
    if (elf.size() < sizeof(Elf64_Ehdr) || std::memcmp(elf.data(), ELFMAG, SELFMAG) != 0)
        throw bad("not an ELF file");
    Elf64_Ehdr eh;
    std::memcpy(&eh, elf.data(), sizeof eh);
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB)
        throw bad("not a 64-bit little-endian ELF");
    if (eh.e_type != ET_EXEC) throw bad("not an ELF executable");
    if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0 ||
        eh.e_phoff + uint64_t(eh.e_phnum) * sizeof(Elf64_Phdr) > elf.size())
        throw bad("program headers out of bounds");
    std::vector<Elf64_Phdr> ph(eh.e_phnum);
    std::memcpy(ph.data(), elf.data() + eh.e_phoff, ph.size() * sizeof(Elf64_Phdr));
    for (const auto& p : ph)
        if (p.p_offset + p.p_filesz > elf.size()) throw bad("a segment lies outside the file");

    // The new layout: ELF header, program headers, then each PT_LOAD in file order.
    Elf64_Ehdr out_eh = eh;
    out_eh.e_phoff = sizeof(Elf64_Ehdr);
    out_eh.e_shoff = 0;
    out_eh.e_shnum = 0;
    out_eh.e_shstrndx = SHN_UNDEF;
    uint64_t offset = out_eh.e_phoff + ph.size() * sizeof(Elf64_Phdr);
    std::vector<Elf64_Phdr> out_ph = ph;
    for (size_t i = 0; i < ph.size(); ++i) {
        if (ph[i].p_type != PT_LOAD) continue;
        offset = align_to(offset, ph[i].p_vaddr);
        out_ph[i].p_offset = offset;
        out_ph[i].p_align = kPage;
        offset += ph[i].p_filesz;
    }
    // Any other segment must sit inside a PT_LOAD's file bytes; it moves with that segment.
    for (size_t i = 0; i < ph.size(); ++i) {
        if (ph[i].p_type == PT_LOAD) continue;
        if (ph[i].p_filesz == 0) {
            out_ph[i].p_offset = 0;
            continue;
        }
        bool placed = false;
        for (size_t j = 0; j < ph.size() && !placed; ++j) {
            const auto& l = ph[j];
            if (l.p_type != PT_LOAD || ph[i].p_offset < l.p_offset ||
                ph[i].p_offset + ph[i].p_filesz > l.p_offset + l.p_filesz)
                continue;
            out_ph[i].p_offset = out_ph[j].p_offset + (ph[i].p_offset - l.p_offset);
            placed = true;
        }
        if (!placed) throw bad("segment " + std::to_string(i) + " (type " + std::to_string(ph[i].p_type) +
                               ") is not inside a loadable segment");
    }

    std::string out(offset, '\0');
    std::memcpy(out.data(), &out_eh, sizeof out_eh);
    std::memcpy(out.data() + out_eh.e_phoff, out_ph.data(), out_ph.size() * sizeof(Elf64_Phdr));
    for (size_t i = 0; i < ph.size(); ++i)
        if (ph[i].p_type == PT_LOAD && ph[i].p_filesz > 0)
            std::memcpy(out.data() + out_ph[i].p_offset, elf.data() + ph[i].p_offset, ph[i].p_filesz);
    return out;
}

}  // namespace ucompose::kernel
