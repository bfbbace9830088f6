// The service's container: image, entrypoint -> command, command -> args, working_dir ->
// workingDir, environment -> env (bare unset keys are left out, as podman leaves them out),
// ports, resources and readinessProbe.
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

Manifest env_list(const std::map<std::string, std::optional<std::string>>& environment) {
    Manifest env = Manifest::array();
    for (const auto& [k, v] : environment)
        if (v)
            env.push_back({{"name", k}, {"value", *v}});
    return env;
}

Manifest port_list(const std::vector<ContainerPort>& ports) {
    Manifest list = Manifest::array();
    for (const auto& p : ports) {
        Manifest entry = {{"containerPort", p.port}};
        if (p.protocol != "TCP")
            entry["protocol"] = p.protocol;
        list.push_back(entry);
    }
    return list;
}

void put_argv(Manifest& c, const char* key, const std::optional<std::vector<std::string>>& argv) {
    if (argv && !argv->empty())
        c[key] = *argv;
}

}  // namespace

Manifest container(const Service& s, const std::string& name, const UnikernelChoice& u, const PortPlan& ports,
                   Warnings& w) {
    Manifest c = {{"name", name}, {"image", u.image}};
    put_argv(c, "command", s.entrypoint);
    put_argv(c, "args", s.command);
    if (s.working_dir)
        c["workingDir"] = *s.working_dir;
    if (auto env = env_list(u.environment); !env.empty())
        c["env"] = env;
    if (!ports.container.empty())
        c["ports"] = port_list(ports.container);
    if (auto r = resources(s))
        c["resources"] = *r;
    if (auto probe = readiness_probe(s, u.unikernel, w))
        c["readinessProbe"] = *probe;
    return c;
}

}  // namespace ucompose::kube
