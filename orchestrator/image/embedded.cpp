// The payloads are included at build time with .incbin; orchestrator/CMakeLists.txt sets the paths
// and the object's dependencies on them.
#include "orchestrator/image/embedded.hpp"

#define UCOMPOSE_BLOB(name, path)                                   \
    __asm__(".section .rodata\n"                                    \
            ".balign 16\n"                                          \
            ".global ucompose_blob_" #name "\n"                     \
            "ucompose_blob_" #name ":\n"                            \
            ".incbin \"" path "\"\n"                                \
            ".global ucompose_blob_" #name "_end\n"                 \
            "ucompose_blob_" #name "_end:\n"                        \
            ".previous\n");                                         \
    extern "C" const char ucompose_blob_##name[];                   \
    extern "C" const char ucompose_blob_##name##_end[];

UCOMPOSE_BLOB(tracker, UCOMPOSE_TRACKER_BIN)
UCOMPOSE_BLOB(tracker_containerfile, UCOMPOSE_TRACKER_CONTAINERFILE)
UCOMPOSE_BLOB(guest_init, UCOMPOSE_GUEST_INIT_BIN)
UCOMPOSE_BLOB(guest_kernel_fragment, UCOMPOSE_GUEST_KERNEL_FRAGMENT)
UCOMPOSE_BLOB(kube_runtimeclass, UCOMPOSE_KUBE_RUNTIMECLASS)

namespace ucompose::image {
namespace {

std::string_view blob(const char* begin, const char* end) {
    return {begin, static_cast<size_t>(end - begin)};
}

}  // namespace

std::string_view tracker_binary() { return blob(ucompose_blob_tracker, ucompose_blob_tracker_end); }

std::string_view tracker_containerfile() {
    return blob(ucompose_blob_tracker_containerfile, ucompose_blob_tracker_containerfile_end);
}

std::string_view guest_init_binary() { return blob(ucompose_blob_guest_init, ucompose_blob_guest_init_end); }

}  // namespace ucompose::image

namespace ucompose::image {

std::string_view guest_kernel_fragment() {
    return blob(ucompose_blob_guest_kernel_fragment, ucompose_blob_guest_kernel_fragment_end);
}

std::string_view kube_runtimeclass() {
    return blob(ucompose_blob_kube_runtimeclass, ucompose_blob_kube_runtimeclass_end);
}

}  // namespace ucompose::image
