#include "orchestrator/model/validate.hpp"

#include <tuple>

#include "orchestrator/model/graph.hpp"
#include "orchestrator/model/name_rules.hpp"
#include "runtime/registry/name.hpp"

namespace ucompose {

void validate_project(const Project& project) {
    std::map<std::string, std::string> names;  // container_name -> service
    for (const auto& [name, svc] : project.services) {
        if (svc.container_name) {
            // The compose spec's pattern (podman's too): [a-zA-Z0-9][a-zA-Z0-9_.-]+
            const std::string& cn = *svc.container_name;
            if (!is_container_name(cn))
                throw Error(svc.position_of("container_name"),
                            "invalid container_name '" + cn + "': it must match [a-zA-Z0-9][a-zA-Z0-9_.-]+");
            auto [it, fresh] = names.emplace(*svc.container_name, name);
            if (!fresh)
                throw Error(svc.position_of("container_name"),
                            "container name '" + *svc.container_name + "' is used by services '" +
                                it->second + "' and '" + name + "'");
            if (svc.replicas() > 1)
                throw Error(svc.position_of("container_name"),
                            "services." + name + " sets container_name and scales to " +
                                std::to_string(svc.replicas()) + " containers");
        }
        if (svc.ucompose && svc.ucompose->unikernel) {
            // The registry's own rule (docs/registry.md), as ucrun applies it at create.
            const std::string& u = *svc.ucompose->unikernel;
            if (ucrun::registry::name_problem(u))
                throw Error(svc.position_of("x-ucompose"),
                            "invalid unikernel name '" + u + "' in x-ucompose: it must match [a-z0-9][a-z0-9._-]*");
        }
        for (const auto& [refs, defs, kind] :
             {std::tuple{&svc.secrets, &project.secrets, "secret"}, std::tuple{&svc.configs, &project.configs, "config"}}) {
            for (const FileObjectRef& r : *refs) {
                if (!defs->count(r.source))
                    throw Error(r.where, "service '" + name + "' refers to undefined " + kind + " '" + r.source + "'");
                if (r.type != "env") continue;
                // An environment variable is podman's own secret: nothing on disk to bind, and no
                // owner or mode to give.
                if (std::string(kind) != "secret" || !defs->at(r.source).external)
                    throw Error(r.where, "service '" + name + "': " + kind + " '" + r.source +
                                             "' of type env must be an external (podman) secret");
                if (r.uid || r.gid || r.mode)
                    throw Error(r.where, "service '" + name + "': secret '" + r.source +
                                             "' of type env takes no uid, gid or mode");
            }
        }
        for (const auto& [net, att] : svc.networks) {
            if (!project.networks.count(net))
                throw Error(svc.position_of("networks"),
                            "service '" + name + "' refers to undefined network '" + net + "'");
        }
        for (const VolumeMount& m : svc.volumes) {
            if (m.type == MountType::Volume && m.source && !project.volumes.count(*m.source))
                throw Error(svc.position_of("volumes"),
                            "service '" + name + "' refers to undefined volume '" + *m.source + "'");
        }
        if (svc.network_mode && svc.network_mode->rfind("service:", 0) == 0) {
            std::string other = svc.network_mode->substr(8);
            if (!project.services.count(other) && !project.disabled_services.count(other))
                throw Error(svc.position_of("network_mode"),
                            "service '" + name + "' uses the network of undefined service '" + other + "'");
        }
        for (const std::string& from : svc.volumes_from) {
            std::string other = from.substr(0, from.find(':'));
            if (other == "container") continue;
            if (!project.services.count(other) && !project.disabled_services.count(other))
                throw Error(svc.position_of("volumes_from"),
                            "service '" + name + "' mounts volumes from undefined service '" + other + "'");
        }
    }
    check_dependencies(project);
}

}  // namespace ucompose
