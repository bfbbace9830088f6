// Classification, decided once at create: is this bundle an ordinary container or a unikernel?
#pragma once
#include <optional>
#include <string>

#include "runtime/oci/config.hpp"
#include "runtime/oci/record.hpp"
#include "runtime/oci/spec.hpp"
#include "runtime/unikernel/source.hpp"

namespace ucrun {

struct ClassifyInput {
    const std::string& id;   // the container's id, for messages
    const Spec& spec;
    std::string rootfs;      // absolute path of the container's rootfs
    const Config& config;
};

struct Classification {
    Kind kind = Kind::container;
    std::optional<unikernel::Source> unikernel;   // set when kind == unikernel
};

// The rules of runtime/unikernel/resolve.hpp (annotations, urunc, kraft layout, SERVICE_NAME),
// except for a pod's sandbox (runtime/unikernel/pod.hpp), which is always an ordinary container.
// Reads the rootfs and the registry; throws on a malformed annotation or an unknown name, and for
// a sandbox that describes a unikernel.
Classification classify(const ClassifyInput& in);

}  // namespace ucrun
