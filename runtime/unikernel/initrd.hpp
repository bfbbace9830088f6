// The per-container initrd of a linux guest: a copy of the image's initrd with the /ucrun cpio
// appended at a 4-byte boundary (docs/guest-contract.md). The image's file is never modified.
#pragma once
#include <string>

namespace ucrun::unikernel {

void write_guest_initrd(const std::string& image_initrd, const std::string& appended_cpio,
                        const std::string& out_path);

}  // namespace ucrun::unikernel
