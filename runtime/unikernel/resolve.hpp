// Which unikernel a container boots, decided once at create, in this order:
//   1. io.ucrun.unikernel.* annotations        (paths in the rootfs)
//   2. urunc's com.urunc.unikernel.* annotations (paths in the rootfs)
//   3. kraft's layout: /unikraft/bin/kernel in the rootfs (multiboot; /unikraft/bin/initrd if present)
//   4. SERVICE_NAME in process.env, looked up in the registry (the seed's way); when the entry is
//      absent and a fetch is given (a remote registry is configured), fetched first
// nullopt means an ordinary container.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

struct ResolveInput {
    const std::map<std::string, std::string>& annotations;
    const std::vector<std::string>& env;   // process.env, "K=V"
    std::string rootfs;                    // absolute host path
    std::string registry;                  // registry root
    // Installs the named entry into `registry` when it is absent (runtime/registry/remote.hpp);
    // empty = no remote. Called only with a valid name.
    std::function<void(const std::string&)> fetch = {};
};

std::optional<Source> resolve_source(const ResolveInput& in);

// Checks every file of `ref` inside its base and makes the paths absolute.
Source resolve_files(const SourceRef& ref);

}  // namespace ucrun::unikernel
