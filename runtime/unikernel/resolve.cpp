#include "runtime/unikernel/resolve.hpp"

#include "runtime/ucrun/spec.hpp"

#include <sys/stat.h>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/unikernel/annotations.hpp"
#include "runtime/unikernel/manifest.hpp"
#include "runtime/unikernel/registry_reader.hpp"
#include "runtime/unikernel/paths.hpp"

namespace ucrun::unikernel {
namespace {

constexpr const char* kKraftKernel = "unikraft/bin/kernel";
constexpr const char* kKraftInitrd = "unikraft/bin/initrd";
// An OCI image made by `ucompose unikernel build --image` holds a registry entry at /unikernel/
// (Podman 4.3 passes image annotations, not labels, to the runtime, so the rootfs is the carrier).
constexpr const char* kImageEntry = "unikernel";

bool is_file_in(const std::string& rootfs, const char* rel) {
    struct stat st {};
    return ::lstat((rootfs + "/" + rel).c_str(), &st) == 0 && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode));
}

}  // namespace

Source resolve_files(const SourceRef& ref) {
    Source s;
    s.kind = ref.kind;
    s.cmdline = ref.cmdline;
    s.memory_mib = ref.memory_mib;
    s.origin = ref.origin;
    if (!ref.kernel.empty()) s.kernel = resolve_file_within(ref.base, ref.kernel, ref.origin + ": kernel");
    if (!ref.initrd.empty()) s.initrd = resolve_file_within(ref.base, ref.initrd, ref.origin + ": initrd");
    if (!ref.disk.empty()) s.disk = resolve_file_within(ref.base, ref.disk, ref.origin + ": disk");
    return s;
}

std::optional<Source> resolve_source(const ResolveInput& in) {
    if (auto ref = from_ucrun_annotations(in.annotations, in.rootfs)) return resolve_files(*ref);
    if (auto ref = from_urunc_annotations(in.annotations, in.rootfs)) return resolve_files(*ref);
    if (is_file_in(in.rootfs, kKraftKernel)) {
        SourceRef ref;
        ref.kind = GuestKind::multiboot;
        ref.base = in.rootfs;
        ref.kernel = kKraftKernel;
        if (is_file_in(in.rootfs, kKraftInitrd)) ref.initrd = kKraftInitrd;
        ref.origin = "kraft image (/unikraft/bin/kernel)";
        return resolve_files(ref);
    }
    std::string manifest_path = in.rootfs + "/" + kImageEntry + "/manifest.json";
    if (auto text = sys::read_file_if_exists(manifest_path)) {
        return resolve_files(to_source_ref(registry::parse_manifest(*text, manifest_path),
                                           in.rootfs + "/" + kImageEntry, manifest_path));
    }
    if (auto name = env_lookup(in.env, "SERVICE_NAME"); name && !name->empty()) {
        registry::validate_name(*name);
        if (in.fetch && !sys::path_exists(in.registry + "/" + *name + "/manifest.json")) in.fetch(*name);
        return resolve_files(registry_lookup(in.registry, *name));
    }
    return std::nullopt;
}

}  // namespace ucrun::unikernel
