#include "orchestrator/kube/convert.hpp"

#include <set>

#include "orchestrator/kube/parts.hpp"
#include "orchestrator/model/graph.hpp"

namespace ucompose::kube {
namespace {

// What every service's objects need to know about the others: names and Service ports.
struct Shared {
    std::vector<std::string> order;  // start order
    std::map<std::string, std::string> names;
    std::map<std::string, PortPlan> plans;
    std::map<std::string, std::vector<ServicePort>> service_ports;
    std::map<std::string, Warnings> warnings;
};

std::set<std::string> depended_on(const Project& p) {
    std::set<std::string> out;
    for (const auto& [name, s] : p.services)
        for (const auto& [dep, d] : s.depends_on)
            out.insert(dep);
    return out;
}

Shared shared_facts(const Project& p) {
    Shared sh;
    for (const auto& level : start_levels(p))
        sh.order.insert(sh.order.end(), level.begin(), level.end());
    auto deps = depended_on(p);
    for (const auto& [name, s] : p.services) {
        Warnings& w = sh.warnings[name];
        sh.names[name] = object_name(s, w);
        sh.plans[name] = port_plan(s, deps.count(name) > 0, w);
        sh.service_ports[name] = sh.plans[name].service;
    }
    return sh;
}

// The service's Service (if it has ports) and Deployment; true when it is a unikernel.
bool convert_service(const Project& p, const Service& s, const ConvertOptions& o, Shared& sh,
                     std::vector<KubeObject>& out) {
    Warnings& w = sh.warnings[s.name];
    const std::string& name = sh.names.at(s.name);
    const PortPlan& plan = sh.plans.at(s.name);
    UnikernelChoice u = unikernel_choice(p, s, o, w);
    warn_unsupported(s, u.unikernel, w);
    if (!plan.service.empty())
        out.push_back({name + "-service.yaml", service_object(p, name, plan.service)});
    PodParts parts{container(s, name, u, plan, w), init_containers(s, sh.service_ports, sh.names, o.init_image, w),
                   u.unikernel};
    out.push_back({name + "-deployment.yaml", deployment_object(p, s, name, std::move(parts))});
    return u.unikernel;
}

}  // namespace

Conversion convert(const Project& project, const ConvertOptions& options) {
    Shared sh = shared_facts(project);
    Conversion c;
    bool any_unikernel = false;
    for (const auto& name : sh.order)
        any_unikernel |= convert_service(project, project.services.at(name), options, sh, c.objects);
    if (any_unikernel)
        c.objects.insert(c.objects.begin(), {"runtimeclass.yaml", runtime_class_object(options.runtime_class_yaml)});
    for (const auto& name : sh.order) {
        auto lines = sh.warnings[name].take();
        c.warnings.insert(c.warnings.end(), lines.begin(), lines.end());
    }
    return c;
}

}  // namespace ucompose::kube
