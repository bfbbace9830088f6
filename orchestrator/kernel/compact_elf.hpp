// A PVH vmlinux as small as its loadable content: kbuild links x86-64 with 2 MiB file alignment,
// so the file carries megabytes of padding, plus symbol tables nobody loads (pure).
#pragma once
#include <string>
#include <string_view>

namespace ucompose::kernel {

// Rewrites a 64-bit little-endian ELF executable: every PT_LOAD's file bytes are laid out
// back to back (each at an offset congruent to its address modulo 4 KiB, p_align 4 KiB), a
// PT_NOTE inside a PT_LOAD moves with it, and the section headers are dropped. Program headers,
// addresses, sizes and the entry point are unchanged, so a loader that works from program headers
// (QEMU's, for PVH) loads the same memory image. Throws sys::Error when the input is not such an ELF.
std::string compact_elf(std::string_view elf, const std::string& origin);

}  // namespace ucompose::kernel
