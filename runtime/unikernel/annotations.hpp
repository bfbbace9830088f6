// Unikernel images described by annotations (pure): ucrun's own io.ucrun.unikernel.* and
// urunc's com.urunc.unikernel.*, with paths relative to the container's rootfs.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

inline constexpr const char* kUcrunPrefix = "io.ucrun.unikernel.";
inline constexpr const char* kUruncPrefix = "com.urunc.unikernel.";

// io.ucrun.unikernel.{kind,kernel,initrd,disk,cmdline,memory}. nullopt when no key has the
// prefix; throws sys::Error naming the annotation when one is malformed or unknown, or when the
// set is inconsistent (e.g. kind=linux without initrd). `rootfs` becomes the SourceRef's base.
std::optional<SourceRef> from_ucrun_annotations(const std::map<std::string, std::string>& a,
                                                const std::string& rootfs);

// com.urunc.unikernel.{unikernelType,hypervisor,binary,cmdline,initrd,block}: unikernelType
// "linux" is a linux guest (binary + initrd), any other type with a binary is booted as a
// multiboot ELF, and a block image without a binary is a disk guest. Unknown keys are ignored
// (urunc adds more over time); the hypervisor is always QEMU here.
std::optional<SourceRef> from_urunc_annotations(const std::map<std::string, std::string>& a,
                                                const std::string& rootfs);

// Checks that the fields a kind needs are present (shared with the registry's manifests).
void check_source_fields(const SourceRef& s);

}  // namespace ucrun::unikernel
