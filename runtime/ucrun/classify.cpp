#include "runtime/ucrun/classify.hpp"

#include "runtime/unikernel/resolve.hpp"

namespace ucrun {

Classification classify(const ClassifyInput& in) {
    Classification c;
    c.unikernel = unikernel::resolve_source({in.spec.annotations, in.spec.env, in.rootfs, in.config.registry});
    if (c.unikernel) c.kind = Kind::unikernel;
    return c;
}

}  // namespace ucrun
