// Unikernels that services boot by registry name, and fetching the missing ones before `up`
// creates anything (docs/registry.md, "Remote registry"): ucompose pre-pulls so that progress is
// shown and a failure stops `up` before any container exists; ucrun's own on-demand pull at
// create stays the fallback for plain podman.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "orchestrator/engine/observed.hpp"
#include "orchestrator/model/model.hpp"

namespace ucompose {

struct NamedUnikernel {
    std::string service;
    std::string name;   // the registry entry it boots
};

// For each of `services` that runs under ucrun and boots a registry entry by name (SERVICE_NAME,
// else x-ucompose.unikernel; not an image that carries its unikernel): the name, once per name,
// in `services` order.
std::vector<NamedUnikernel> unikernels_by_name(const Project& project, const std::vector<std::string>& services,
                                               const std::vector<ObservedImage>& images);

// Where registry names come from: the local registry, and a remote one when configured.
class UnikernelSource {
public:
    virtual ~UnikernelSource() = default;
    virtual bool has_remote() const = 0;
    virtual std::string local_root() const = 0;
    virtual bool installed(const std::string& name) const = 0;
    // Installs `name` from the remote registry; throws with one line naming the reference.
    virtual void pull(const std::string& name) = 0;
};

// The local and remote registries of ucrun's config (orchestrator/registry/remote.hpp).
std::shared_ptr<UnikernelSource> registry_unikernel_source();

}  // namespace ucompose
