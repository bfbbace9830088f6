// A container's place in a Kubernetes pod, as kubelet's CRI runtimes describe it in config.json
// annotations (pure). containerd's CRI plugin writes io.kubernetes.cri.container-type
// (sandbox | container) and io.kubernetes.cri.sandbox-id; CRI-O writes
// io.kubernetes.cri-o.ContainerType and io.kubernetes.cri-o.SandboxID.
// Decisions (docs/kubernetes.md):
//  - the sandbox (pause) owns the pod's network namespace and is always an ordinary container;
//    its env is never read, and annotations or an image that describe a unikernel are an error;
//  - a unikernel app container takes the pod's eth0 and IP, so a pod netns without eth0 is an
//    error (outside a pod, no eth0 means a guest without a NIC, as with --network none).
#pragma once
#include <map>
#include <string>

namespace ucrun::unikernel {

enum class PodRole { none, sandbox, container };

struct PodMember {
    PodRole role = PodRole::none;
    std::string marker;       // "io.kubernetes.cri.container-type=sandbox", for messages
    std::string sandbox_id;   // "" when not given
};

// Throws sys::Error naming the annotation when its value is neither sandbox nor container.
PodMember pod_member(const std::map<std::string, std::string>& annotations);

}  // namespace ucrun::unikernel
