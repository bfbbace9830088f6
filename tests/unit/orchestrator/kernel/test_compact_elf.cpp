#include <catch2/catch.hpp>
#include <elf.h>

#include <cstring>

#include "orchestrator/kernel/compact_elf.hpp"
#include "tests/unit/error_of.hpp"

using ucompose::kernel::compact_elf;

namespace {

// An executable shaped like kbuild's x86-64 vmlinux: segments at 2 MiB file offsets, a note
// inside the first one, and section headers at the end.
std::string sample_vmlinux() {
    const uint64_t MiB2 = 0x200000;
    std::string f(3 * MiB2 + 0x3000, '\0');
    Elf64_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_X86_64;
    eh.e_entry = 0x1000000;
    eh.e_phoff = sizeof eh;
    eh.e_phentsize = sizeof(Elf64_Phdr);
    eh.e_phnum = 3;
    eh.e_shoff = 3 * MiB2 + 0x2000;
    eh.e_shentsize = sizeof(Elf64_Shdr);
    eh.e_shnum = 4;
    eh.e_shstrndx = 3;
    Elf64_Phdr ph[3]{};
    ph[0] = {PT_LOAD, PF_R | PF_X, MiB2, 0xffffffff81000000, 0x1000000, 0x1800, 0x1800, MiB2};
    ph[1] = {PT_LOAD, PF_R | PF_W, 2 * MiB2, 0xffffffff81200000, 0x1200000, 0x900, 0x5000, MiB2};
    ph[2] = {PT_NOTE, PF_R, MiB2 + 0x1000, 0xffffffff81001000, 0x1001000, 0x40, 0x40, 4};
    std::memcpy(f.data(), &eh, sizeof eh);
    std::memcpy(f.data() + eh.e_phoff, ph, sizeof ph);
    for (size_t i = 0; i < 0x1800; ++i) f[MiB2 + i] = static_cast<char>('a' + i % 26);
    std::memcpy(f.data() + MiB2 + 0x1000, "XEN-NOTE", 8);
    for (size_t i = 0; i < 0x900; ++i) f[2 * MiB2 + i] = static_cast<char>('A' + i % 26);
    return f;
}

template <class T>
T at(const std::string& s, size_t off) {
    T v;
    std::memcpy(&v, s.data() + off, sizeof v);
    return v;
}

}  // namespace

TEST_CASE("compact_elf: segments back to back, notes move with them, no section headers") {
    std::string in = sample_vmlinux();
    std::string out = compact_elf(in, "vmlinux");
    auto eh = at<Elf64_Ehdr>(out, 0);
    CHECK(eh.e_entry == 0x1000000);
    CHECK(eh.e_shoff == 0);
    CHECK(eh.e_shnum == 0);
    CHECK(eh.e_phnum == 3);
    auto p0 = at<Elf64_Phdr>(out, eh.e_phoff);
    auto p1 = at<Elf64_Phdr>(out, eh.e_phoff + sizeof(Elf64_Phdr));
    auto p2 = at<Elf64_Phdr>(out, eh.e_phoff + 2 * sizeof(Elf64_Phdr));
    CHECK(p0.p_offset == 0x1000);  // after the headers, congruent to its address mod 4 KiB
    CHECK(p1.p_offset == 0x3000);  // 0x1000 + 0x1800, rounded up to the page
    CHECK(p2.p_offset == 0x2000);  // the note kept its place inside the first segment
    CHECK(p0.p_align == 4096);
    CHECK(p1.p_vaddr == 0xffffffff81200000);
    CHECK(p1.p_memsz == 0x5000);  // .bss still follows the file bytes
    CHECK(out.size() == 0x3900);
    CHECK(out.compare(p0.p_offset, 0x1800, in, 0x200000, 0x1800) == 0);
    CHECK(out.compare(p1.p_offset, 0x900, in, 0x400000, 0x900) == 0);
    CHECK(out.compare(p2.p_offset, 8, "XEN-NOTE") == 0);
    // Compacting again changes nothing.
    CHECK(compact_elf(out, "vmlinux") == out);
}

TEST_CASE("compact_elf: what it refuses") {
    CHECK(error_of([] { compact_elf("not an elf at all, surely not an elf file", "x"); }) == "x: not an ELF file");
    std::string in = sample_vmlinux();
    in.resize(0x300000);  // the second segment is cut off
    CHECK(error_of([&] { compact_elf(in, "vmlinux"); }) == "vmlinux: a segment lies outside the file");
    std::string lone = sample_vmlinux();
    Elf64_Phdr note{PT_NOTE, PF_R, 0x5f0000, 0, 0, 0x10, 0x10, 4};  // in the padding, not in a segment
    std::memcpy(lone.data() + sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr), &note, sizeof note);
    CHECK(error_of([&] { compact_elf(lone, "vmlinux"); }) == "vmlinux: segment 2 (type 4) is not inside a loadable segment");
}

TEST_CASE("compact_elf: long runs of zero pages leave the file, the memory image stays") {
    std::string in = sample_vmlinux();
    // Make the second segment 0x40000 bytes of file: data, 0x20000 of zeros, data, then 0x18000 of zeros.
    Elf64_Phdr p1;
    std::memcpy(&p1, in.data() + sizeof(Elf64_Ehdr) + sizeof(Elf64_Phdr), sizeof p1);
    p1.p_filesz = 0x40000;
    p1.p_memsz = 0x50000;
    std::memcpy(in.data() + sizeof(Elf64_Ehdr) + sizeof(Elf64_Phdr), &p1, sizeof p1);
    std::fill(in.begin() + 0x400000, in.begin() + 0x440000, '\0');
    std::fill(in.begin() + 0x400000, in.begin() + 0x401000, 'A');        // [0, 0x1000) data
    std::fill(in.begin() + 0x421000, in.begin() + 0x428000, 'B');        // [0x21000, 0x28000) data
    std::string out = compact_elf(in, "vmlinux");
    auto eh = at<Elf64_Ehdr>(out, 0);
    REQUIRE(eh.e_phnum == 4);  // first segment, two pieces of the second, the note
    auto a = at<Elf64_Phdr>(out, eh.e_phoff + sizeof(Elf64_Phdr));
    auto b = at<Elf64_Phdr>(out, eh.e_phoff + 2 * sizeof(Elf64_Phdr));
    auto note = at<Elf64_Phdr>(out, eh.e_phoff + 3 * sizeof(Elf64_Phdr));
    CHECK(a.p_type == PT_LOAD);
    CHECK(a.p_vaddr == 0xffffffff81200000);
    CHECK(a.p_paddr == 0x1200000);
    CHECK(a.p_filesz == 0x1000);
    CHECK(a.p_memsz == 0x1000);
    CHECK(b.p_vaddr == 0xffffffff81221000);
    CHECK(b.p_paddr == 0x1221000);
    CHECK(b.p_filesz == 0x7000);            // the trailing zeros are memory only now
    CHECK(b.p_memsz == 0x50000 - 0x21000);  // up to the end of the original segment
    CHECK(out.compare(a.p_offset, 0x1000, std::string(0x1000, 'A')) == 0);
    CHECK(out.compare(b.p_offset, 0x7000, std::string(0x7000, 'B')) == 0);
    CHECK(note.p_type == PT_NOTE);
    CHECK(out.compare(note.p_offset, 8, "XEN-NOTE") == 0);
    CHECK(out.size() < 0x6000 + 0x1000 + 0x7000);
}
