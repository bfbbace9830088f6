#include "runtime/ucrun/classify.hpp"

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/pod.hpp"
#include "runtime/unikernel/resolve.hpp"

namespace ucrun {

Classification classify(const ClassifyInput& in) {
    Classification c;
    unikernel::PodMember pod = unikernel::pod_member(in.spec.annotations);
    if (pod.role == unikernel::PodRole::sandbox) {
        // The sandbox owns the pod's netns: its env is never read (a pod-wide SERVICE_NAME must
        // not turn pause into a VM), and anything else that describes a unikernel is refused.
        const std::vector<std::string> no_env;
        if (unikernel::resolve_source({in.spec.annotations, no_env, in.rootfs, in.config.registry}))
            throw sys::Error("container `" + in.id + "` is a pod sandbox (" + pod.marker +
                             ") but its annotations or image describe a unikernel; a pod's sandbox must be "
                             "an ordinary (pause) container");
        return c;
    }
    c.unikernel = unikernel::resolve_source({in.spec.annotations, in.spec.env, in.rootfs, in.config.registry});
    if (c.unikernel) c.kind = Kind::unikernel;
    return c;
}

}  // namespace ucrun
