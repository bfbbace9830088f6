// depends_on -> initContainers: for each dependency with a Service, one container of the init
// image that loops until the dependency's Service accepts TCP on its first port. Every condition
// becomes this wait: a Service routes only to ready pods, so with the dependency's readinessProbe
// it also waits for health. A dependency without a Service has no name to wait for: a warning.
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

Manifest wait_container(const std::string& dep, uint16_t port, const std::string& image) {
    std::string script = "until nc -z " + dep + " " + std::to_string(port) + "; do sleep 1; done";
    return {{"name", "wait-for-" + dep}, {"image", image}, {"command", {"sh", "-c", script}}};
}

}  // namespace

Manifest init_containers(const Service& s, const std::map<std::string, std::vector<ServicePort>>& ports,
                         const std::map<std::string, std::string>& names, const std::string& image, Warnings& w) {
    Manifest list = Manifest::array();
    for (const auto& [dep, d] : s.depends_on) {
        auto it = ports.find(dep);
        if (it == ports.end())
            continue;  // not converted (disabled by a profile, not required)
        if (d.condition == DependCondition::CompletedSuccessfully)
            w.add(s, "depends_on",
                  "condition service_completed_successfully on '" + dep +
                      "' has no Deployment equivalent (its pod restarts); converted as a wait "
                      "for its Service, if any");
        if (it->second.empty()) {
            w.add(s, "depends_on",
                  "'" + dep +
                      "' has no ports (nor an x-ucompose probe), so no Service to wait "
                      "for: the pod starts without waiting for it");
            continue;
        }
        list.push_back(wait_container(names.at(dep), it->second.front().port, image));
    }
    return list;
}

}  // namespace ucompose::kube
