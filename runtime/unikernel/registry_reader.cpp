#include "runtime/unikernel/registry_reader.hpp"

#include <fcntl.h>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/unikernel/limits.hpp"
#include "runtime/unikernel/manifest.hpp"

namespace ucrun::unikernel {

SourceRef registry_lookup(const std::string& registry_root, const std::string& name) {
    registry::validate_name(name);
    std::string dir = registry_root + "/" + name;
    std::string manifest = dir + "/manifest.json";
    std::optional<sys::RegularFile> file;
    // A registry that does not exist yet holds no entry.
    if (sys::UniqueFd root(::open(registry_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)); root)
        file = sys::open_regular_in_root(root.get(), name + "/manifest.json", "registry entry", kManifestMaxBytes);
    if (!file) {
        throw sys::Error("unknown unikernel \"" + name + "\": no " + manifest +
                         " in the registry " + registry_root +
                         " (add it with `ucompose unikernel build`, or set \"registry\" in the ucrun config)");
    }
    SourceRef s = parse_manifest(sys::read_all(*file, manifest), name, dir, manifest);
    s.origin = "registry entry " + name + " (" + manifest + ")";
    return s;
}

}  // namespace ucrun::unikernel
