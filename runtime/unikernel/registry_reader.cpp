#include "runtime/unikernel/registry_reader.hpp"

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/unikernel/manifest.hpp"

namespace ucrun::unikernel {

SourceRef registry_lookup(const std::string& registry_root, const std::string& name) {
    registry::validate_name(name);
    std::string dir = registry_root + "/" + name;
    std::string manifest = dir + "/manifest.json";
    auto text = sys::read_file_if_exists(manifest);
    if (!text) {
        throw sys::Error("unknown unikernel \"" + name + "\": no " + manifest +
                         " in the registry " + registry_root +
                         " (add it with `ucompose unikernel build`, or set \"registry\" in the ucrun config)");
    }
    SourceRef s = parse_manifest(*text, name, dir, manifest);
    s.origin = "registry entry " + name + " (" + manifest + ")";
    return s;
}

}  // namespace ucrun::unikernel
