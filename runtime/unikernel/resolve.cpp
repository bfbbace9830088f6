#include "runtime/unikernel/resolve.hpp"

#include "runtime/oci/spec.hpp"

#include <fcntl.h>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/unikernel/annotations.hpp"
#include "runtime/unikernel/limits.hpp"
#include "runtime/unikernel/manifest.hpp"
#include "runtime/unikernel/paths.hpp"
#include "runtime/unikernel/registry_reader.hpp"

namespace ucrun::unikernel {
namespace {

constexpr const char* kKraftKernel = "unikraft/bin/kernel";
constexpr const char* kKraftInitrd = "unikraft/bin/initrd";
// An OCI image made by `ucompose unikernel build --image` holds a registry entry at /unikernel/
// (Podman 4.3 passes image annotations, not labels, to the runtime, so the rootfs is the carrier).
constexpr const char* kImageEntry = "unikernel";

// Every file of the image is opened inside the rootfs (sys::open_regular_in_root), never by a
// host path joined from image content.
bool has_file(int root, const char* rel, std::uint64_t cap, const std::string& what) {
    return sys::open_regular_in_root(root, rel, what, cap).has_value();
}

// `rel` as the image wrote it (a leading '/' is the rootfs's root under RESOLVE_IN_ROOT), after the
// lexical check, so that messages name the path the image gave.
std::string in_root(int root, const std::string& rel, const std::string& what, std::uint64_t cap) {
    confined_relative(rel, what);
    return sys::require_regular_in_root(root, rel, what, cap).path;
}

// The paths of a manifest found at /unikernel/ in the rootfs, made relative to the rootfs itself.
SourceRef under(SourceRef s, const std::string& dir) {
    for (std::string* p : {&s.kernel, &s.initrd, &s.disk})
        if (!p->empty()) *p = dir + "/" + confined_relative(*p, s.origin);
    return s;
}

}  // namespace

Source resolve_files(const SourceRef& ref) {
    Source s;
    s.kind = ref.kind;
    s.cmdline = ref.cmdline;
    s.memory_mib = ref.memory_mib;
    s.origin = ref.origin;
    sys::UniqueFd root = sys::open_root_dir(ref.base, ref.origin + ": base directory");
    if (!ref.kernel.empty()) s.kernel = in_root(root.get(), ref.kernel, ref.origin + ": kernel", kKernelMaxBytes);
    if (!ref.initrd.empty()) s.initrd = in_root(root.get(), ref.initrd, ref.origin + ": initrd", kInitrdMaxBytes);
    if (!ref.disk.empty()) s.disk = in_root(root.get(), ref.disk, ref.origin + ": disk", kDiskMaxBytes);
    return s;
}

std::optional<Source> resolve_source(const ResolveInput& in) {
    if (auto ref = from_ucrun_annotations(in.annotations, in.rootfs)) return resolve_files(*ref);
    if (auto ref = from_urunc_annotations(in.annotations, in.rootfs)) return resolve_files(*ref);
    // A rootfs that cannot be opened holds no unikernel files: the delegate says what is wrong
    // with it, as it would without ucrun.
    if (sys::UniqueFd root(::open(in.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)); root) {
        if (has_file(root.get(), kKraftKernel, kKernelMaxBytes, "kraft image: kernel")) {
            SourceRef ref;
            ref.kind = GuestKind::multiboot;
            ref.base = in.rootfs;
            ref.kernel = kKraftKernel;
            if (has_file(root.get(), kKraftInitrd, kInitrdMaxBytes, "kraft image: initrd")) ref.initrd = kKraftInitrd;
            ref.origin = "kraft image (/unikraft/bin/kernel)";
            return resolve_files(ref);
        }
        const std::string manifest_rel = std::string(kImageEntry) + "/manifest.json";
        const std::string origin = "image file /" + manifest_rel;
        if (auto f = sys::open_regular_in_root(root.get(), manifest_rel, "image file", kManifestMaxBytes)) {
            std::string text = sys::read_all(*f, origin);
            SourceRef ref = to_source_ref(registry::parse_manifest(text, origin), in.rootfs, origin);
            return resolve_files(under(ref, kImageEntry));
        }
    }
    if (auto name = env_lookup(in.env, "SERVICE_NAME"); name && !name->empty()) {
        registry::validate_name(*name);
        if (in.fetch && !sys::path_exists(in.registry + "/" + *name + "/manifest.json")) in.fetch(*name);
        return resolve_files(registry_lookup(in.registry, *name));
    }
    return std::nullopt;
}

}  // namespace ucrun::unikernel
