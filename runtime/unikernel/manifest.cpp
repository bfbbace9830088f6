#include "runtime/unikernel/manifest.hpp"

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/annotations.hpp"

namespace ucrun::unikernel {

SourceRef to_source_ref(const registry::Manifest& m, const std::string& entry_dir, const std::string& origin) {
    SourceRef s;
    s.kind = m.kind;
    s.base = entry_dir;
    s.kernel = m.kernel;
    s.initrd = m.initrd.value_or("");
    s.disk = m.disk.value_or("");
    s.cmdline = m.cmdline;
    s.memory_mib = m.memory_mib;
    s.origin = origin;
    check_source_fields(s);
    return s;
}

SourceRef parse_manifest(const std::string& text, const std::string& expected_name,
                         const std::string& entry_dir, const std::string& origin) {
    registry::Manifest m = registry::parse_manifest(text, origin);
    if (m.name != expected_name)
        throw sys::Error(origin + ": \"name\" is \"" + m.name + "\", expected \"" + expected_name + "\"");
    return to_source_ref(m, entry_dir, origin);
}

}  // namespace ucrun::unikernel
