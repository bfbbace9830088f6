// Shared-library resolution the way glibc's ld.so does it, so the initramfs holds exactly what the
// loader will open: DT_NEEDED breadth-first; DT_RPATH of the object and its loaders (only when the
// object has no DT_RUNPATH); DT_RUNPATH of the object; the ld.so cache; the default directories.
// $ORIGIN, $LIB and $PLATFORM are expanded; incompatible files (other class/machine) are skipped.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/image/elf.hpp"

namespace ucompose::image {

// The ld.so cache as `ldconfig -p` prints it: soname -> path, for 64-bit x86-64 entries.
using LoaderCache = std::map<std::string, std::string>;
LoaderCache parse_ldconfig_output(const std::string& text);

struct ResolveEnv {
    // Returns the ELF info of an existing, readable ELF file, or nullopt when there is none.
    std::function<std::optional<ElfInfo>(const std::string& path)> inspect;
    // Returns the canonical path (for $ORIGIN); identity in tests.
    std::function<std::string(const std::string& path)> canonical;
    LoaderCache cache;
    std::vector<std::string> default_dirs;
    std::string lib_token = "lib/x86_64-linux-gnu";  // $LIB
    std::string platform_token = "x86_64";           // $PLATFORM
};

struct ResolvedLibrary {
    std::string name;      // as in DT_NEEDED
    std::string path;      // where the loader finds it: the same path goes into the guest
    std::string needed_by; // the object whose DT_NEEDED named it first
};

// All libraries `exe` needs, transitively, in load order. Throws sys::Error naming the library,
// the object that needs it and the searched directories when one is missing.
std::vector<ResolvedLibrary> resolve_libraries(const std::string& exe_path, const ElfInfo& exe,
                                               const ResolveEnv& env);

// Expands $ORIGIN/${ORIGIN}, $LIB, $PLATFORM in one search-path entry.
std::string expand_dst(const std::string& entry, const std::string& origin, const ResolveEnv& env);

// The host's loader environment: `ldconfig -p`, the existing default dirs, the real filesystem.
ResolveEnv host_resolve_env();

}  // namespace ucompose::image
