#include "orchestrator/kernel/compact_elf.hpp"

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/sys/error.hpp"

namespace ucompose::kernel {
namespace {

constexpr uint64_t kPage = 4096;
constexpr uint64_t kMinZeroRun = 16 * kPage;  // shorter runs cost more in headers than they save

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

    // Each PT_LOAD becomes one or more pieces: runs of zero pages (kbuild aligns .rodata and
    // .data to 2 MiB, leaving megabytes of zeros inside a segment) are left out of the file, since
    // a fresh guest's RAM is zero already. A piece keeps the segment's flags.
    std::vector<Elf64_Phdr> out_ph;
    std::vector<uint64_t> source_offset;  // of each output header's file bytes in `elf`
    for (size_t i = 0; i < ph.size(); ++i) {
        const Elf64_Phdr& p = ph[i];
        if (p.p_type != PT_LOAD) continue;
        uint64_t start = 0;  // of the current piece, relative to the segment
        uint64_t trailing_zeros = 0;
        auto zero_page_at = [&](uint64_t rel) {
            uint64_t len = std::min<uint64_t>(kPage, p.p_filesz - rel);
            const char* b = elf.data() + p.p_offset + rel;
            for (uint64_t k = 0; k < len; ++k)
                if (b[k]) return false;
            return len == kPage;
        };
        // Walk page by page, in pages aligned to the segment's address.
        uint64_t rel = (kPage - p.p_vaddr % kPage) % kPage;
        while (rel < p.p_filesz) {
            if (!zero_page_at(rel)) {
                rel += kPage;
                continue;
            }
            uint64_t run_end = rel;
            while (run_end < p.p_filesz && zero_page_at(run_end)) run_end += kPage;
            if (run_end - rel >= kMinZeroRun && run_end >= p.p_filesz) {
                trailing_zeros = p.p_filesz - rel;  // becomes part of the memory-only tail
                break;
            }
            if (run_end - rel >= kMinZeroRun) {
                Elf64_Phdr piece = p;
                piece.p_vaddr += start;
                piece.p_paddr += start;
                piece.p_filesz = piece.p_memsz = rel - start;
                out_ph.push_back(piece);
                source_offset.push_back(p.p_offset + start);
                start = run_end;
            }
            rel = run_end;
        }
        Elf64_Phdr last = p;
        last.p_vaddr += start;
        last.p_paddr += start;
        last.p_filesz -= start + trailing_zeros;
        last.p_memsz -= start;
        out_ph.push_back(last);
        source_offset.push_back(p.p_offset + start);
    }
    // Any other segment must sit inside a piece's file bytes; it moves with that piece.
    std::vector<std::pair<Elf64_Phdr, size_t>> others;  // header, index of its piece (or npos)
    for (size_t i = 0; i < ph.size(); ++i) {
        if (ph[i].p_type == PT_LOAD) continue;
        if (ph[i].p_filesz == 0) {
            others.push_back({ph[i], std::string::npos});
            continue;
        }
        size_t found = std::string::npos;
        for (size_t j = 0; j < out_ph.size() && found == std::string::npos; ++j)
            if (ph[i].p_offset >= source_offset[j] && ph[i].p_offset + ph[i].p_filesz <= source_offset[j] + out_ph[j].p_filesz)
                found = j;
        if (found == std::string::npos)
            throw bad("segment " + std::to_string(i) + " (type " + std::to_string(ph[i].p_type) +
                      ") is not inside a loadable segment");
        others.push_back({ph[i], found});
    }

    // The new layout: ELF header, program headers, then each piece in order.
    Elf64_Ehdr out_eh = eh;
    out_eh.e_phoff = sizeof(Elf64_Ehdr);
    out_eh.e_phnum = static_cast<Elf64_Half>(out_ph.size() + others.size());
    out_eh.e_shoff = 0;
    out_eh.e_shnum = 0;
    out_eh.e_shstrndx = SHN_UNDEF;
    uint64_t offset = out_eh.e_phoff + uint64_t(out_eh.e_phnum) * sizeof(Elf64_Phdr);
    for (auto& p : out_ph) {
        offset = align_to(offset, p.p_vaddr);
        p.p_offset = offset;
        p.p_align = kPage;
        offset += p.p_filesz;
    }
    std::vector<Elf64_Phdr> all = out_ph;
    for (auto [h, piece] : others) {
        h.p_offset = piece == std::string::npos ? 0 : out_ph[piece].p_offset + (h.p_offset - source_offset[piece]);
        all.push_back(h);
    }

    std::string out(offset, '\0');
    std::memcpy(out.data(), &out_eh, sizeof out_eh);
    std::memcpy(out.data() + out_eh.e_phoff, all.data(), all.size() * sizeof(Elf64_Phdr));
    for (size_t j = 0; j < out_ph.size(); ++j)
        if (out_ph[j].p_filesz > 0)
            std::memcpy(out.data() + out_ph[j].p_offset, elf.data() + source_offset[j], out_ph[j].p_filesz);
    return out;
}

}  // namespace ucompose::kernel
