// What the image builder needs from an ELF file: is it one, for which machine, which loader and
// which shared libraries (DT_NEEDED) with which search paths (DT_RPATH/DT_RUNPATH).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ucompose::image {

struct ElfInfo {
    int elf_class = 0;          // ELFCLASS32 / ELFCLASS64
    int data = 0;               // ELFDATA2LSB / ELFDATA2MSB
    std::uint16_t machine = 0;  // EM_X86_64...
    std::uint16_t type = 0;     // ET_EXEC, ET_DYN...
    std::optional<std::string> interpreter;  // PT_INTERP
    std::optional<std::string> soname;       // DT_SONAME
    std::vector<std::string> needed;         // DT_NEEDED, in order
    std::vector<std::string> rpath;          // DT_RPATH split on ':' (empty when DT_RUNPATH exists, as ld.so does)
    std::vector<std::string> runpath;        // DT_RUNPATH split on ':'
    bool nodeflib = false;                   // DF_1_NODEFLIB

    bool is_dynamic() const { return interpreter.has_value() || !needed.empty(); }
    // Same class, byte order and machine: a library the loader would accept for this object.
    bool compatible_with(const ElfInfo& o) const {
        return elf_class == o.elf_class && data == o.data && machine == o.machine;
    }
};

// Parses an ELF image held in memory; `what` names it in errors ("/bin/x: not an ELF file").
// Throws sys::Error for non-ELF or truncated input.
ElfInfo parse_elf(std::string_view bytes, const std::string& what);

// Reads and parses a file. Throws sys::SystemError when it cannot be read.
ElfInfo read_elf(const std::string& path);

// True when the first bytes are the ELF magic.
bool looks_like_elf(std::string_view bytes);

}  // namespace ucompose::image
