// A PVH vmlinux as small as its loadable content: kbuild links x86-64 with 2 MiB file alignment,
// so the file carries megabytes of padding, plus symbol tables nobody loads (pure).
#pragma once
#include <string>
#include <string_view>

namespace ucompose::kernel {

// Rewrites a 64-bit little-endian ELF executable for a loader that works from program headers
// (QEMU's, for PVH) into fresh, zeroed guest RAM:
// - every PT_LOAD's file bytes are laid out back to back, each at an offset congruent to its
//   address modulo 4 KiB (p_align 4 KiB);
// - a run of at least 64 KiB of zero pages inside a PT_LOAD is left out: the segment is split
//   around it (a trailing run becomes part of the memory-only tail, like .bss);
// - a PT_NOTE inside a PT_LOAD moves with its bytes; the section headers are dropped.
// The memory image, the entry point and the notes are unchanged. Throws sys::Error when the input
// is not such an ELF.
std::string compact_elf(std::string_view elf, const std::string& origin);

}  // namespace ucompose::kernel
