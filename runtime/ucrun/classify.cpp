#include "runtime/ucrun/classify.hpp"

#include "runtime/registry/remote.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/unikernel/pod.hpp"
#include "runtime/unikernel/resolve.hpp"

namespace ucrun {
namespace {

// The on-demand pull from the configured remote registry (docs/registry.md), or none.
std::function<void(const std::string&)> remote_fetch(const Config& c) {
    if (c.remote_registry.empty()) return {};
    return [&c](const std::string& name) {
        registry::PullRequest r;
        r.ref = registry::remote_reference(c.remote_registry, name);
        r.root = c.registry;
        r.name = name;
        r.tls_verify = c.remote_tls_verify;
        r.skopeo = c.skopeo;
        try {
            registry::pull_unikernel(r);
        } catch (const registry::PullError& e) {
            if (e.kind() == registry::FailureKind::not_found)
                throw sys::Error("unknown unikernel \"" + name + "\": not in the local registry " + c.registry +
                                 ", and " + e.what());
            throw sys::Error("unikernel \"" + name + "\" is not in the local registry " + c.registry +
                             " and could not be pulled: " + e.what());
        }
    };
}

}  // namespace

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
    c.unikernel = unikernel::resolve_source(
        {in.spec.annotations, in.spec.env, in.rootfs, in.config.registry, remote_fetch(in.config)});
    if (c.unikernel) c.kind = Kind::unikernel;
    return c;
}

}  // namespace ucrun
