// The Deployment (apps/v1): replicas from scale / deploy.replicas, the selector labels on the
// pods, runtimeClassName for a unikernel, the wait-for initContainers, the container.
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {

Manifest deployment_object(const Project& p, const Service& s, const std::string& name, PodParts parts) {
    Manifest labels = selector_labels(p, name);
    Manifest pod = Manifest::object();
    if (parts.unikernel)
        pod["runtimeClassName"] = kRuntimeClassName;
    if (!parts.init_containers.empty())
        pod["initContainers"] = std::move(parts.init_containers);
    pod["containers"] = Manifest::array({std::move(parts.container)});
    return {{"apiVersion", "apps/v1"},
            {"kind", "Deployment"},
            {"metadata", {{"name", name}, {"labels", labels}}},
            {"spec",
             {{"replicas", s.replicas()},
              {"selector", {{"matchLabels", labels}}},
              {"template", {{"metadata", {{"labels", labels}}}, {"spec", pod}}}}}};
}

}  // namespace ucompose::kube
