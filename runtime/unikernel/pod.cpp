#include "runtime/unikernel/pod.hpp"

#include "runtime/sys/error.hpp"

namespace ucrun::unikernel {
namespace {

struct CriKeys {
    const char* type;
    const char* sandbox_id;
};
// containerd first: a bundle carries one runtime's annotations, never both.
constexpr CriKeys kCriKeys[] = {
    {"io.kubernetes.cri.container-type", "io.kubernetes.cri.sandbox-id"},
    {"io.kubernetes.cri-o.ContainerType", "io.kubernetes.cri-o.SandboxID"},
};

}  // namespace

PodMember pod_member(const std::map<std::string, std::string>& annotations) {
    for (const auto& keys : kCriKeys) {
        auto type = annotations.find(keys.type);
        if (type == annotations.end()) continue;
        PodMember m;
        if (type->second == "sandbox")
            m.role = PodRole::sandbox;
        else if (type->second == "container")
            m.role = PodRole::container;
        else
            throw sys::Error("annotation " + std::string(keys.type) + "=\"" + type->second +
                             "\": expected sandbox or container");
        m.marker = type->first + "=" + type->second;
        if (auto id = annotations.find(keys.sandbox_id); id != annotations.end()) m.sandbox_id = id->second;
        return m;
    }
    return {};
}

}  // namespace ucrun::unikernel
