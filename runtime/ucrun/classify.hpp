// Classification, decided once at create: is this bundle an ordinary container or a unikernel?
#pragma once
#include <string>

#include "runtime/ucrun/config.hpp"
#include "runtime/ucrun/record.hpp"
#include "runtime/ucrun/spec.hpp"

namespace ucrun {

struct ClassifyInput {
    const Spec& spec;
    std::string rootfs;      // absolute path of the container's rootfs
    const Config& config;
};

// Pure over its input (and, for kraft images, one stat in the rootfs).
Kind classify(const ClassifyInput& in);

}  // namespace ucrun
