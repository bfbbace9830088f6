// The Service (v1, ClusterIP) in front of a service's pods.
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {

Manifest service_object(const Project& p, const std::string& name, const std::vector<ServicePort>& ports) {
    Manifest list = Manifest::array();
    for (const auto& sp : ports)
        list.push_back({{"name", sp.name}, {"port", sp.port}, {"targetPort", sp.target}, {"protocol", sp.protocol}});
    Manifest labels = selector_labels(p, name);
    return {{"apiVersion", "v1"},
            {"kind", "Service"},
            {"metadata", {{"name", name}, {"labels", labels}}},
            {"spec", {{"type", "ClusterIP"}, {"selector", labels}, {"ports", list}}}};
}

}  // namespace ucompose::kube
