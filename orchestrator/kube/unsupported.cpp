// Keys a Deployment does not carry: one warning each, at the key's place in the compose file.
// The table is the list of docs/kubernetes-convert.md ("Warned about").
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

struct Rule {
    const char* key;
    bool (*set)(const Service&);
    const char* reason;
};

bool non_default_networks(const Service& s) {
    for (const auto& [key, a] : s.networks)
        if (key != "default" || !a.aliases.empty())
            return true;
    return false;
}

bool restart_not_always(const Service& s) {
    return s.restart && *s.restart != "always";
}

bool deploy_restart_not_any(const Service& s) {
    return s.deploy && s.deploy->restart_policy_condition && *s.deploy->restart_policy_condition != "any";
}

bool pids_limited(const Service& s) {
    return s.pids_limit || (s.deploy && (s.deploy->limits.pids || s.deploy->reservations.pids));
}

const Rule kRules[] = {
    {"build", [](const Service& s) { return s.build.has_value(); },
     "a cluster pulls images: build and push the image, and name it in image:"},
    {"network_mode", [](const Service& s) { return s.network_mode.has_value(); },
     "every pod has its own network namespace"},
    {"networks", non_default_networks, "a cluster has one pod network; services reach each other by Service name"},
    {"volumes", [](const Service& s) { return !s.volumes.empty(); },
     "volumes and host paths are not converted (use PersistentVolumeClaims, ConfigMaps or Secrets)"},
    {"volumes_from", [](const Service& s) { return !s.volumes_from.empty(); }, "pods do not share volumes this way"},
    {"tmpfs", [](const Service& s) { return !s.tmpfs.empty(); }, "use an emptyDir volume with medium: Memory"},
    {"devices", [](const Service& s) { return !s.devices.empty(); }, "host devices belong to one node"},
    {"privileged", [](const Service& s) { return s.privileged; }, "set securityContext.privileged by hand if needed"},
    {"cap_add", [](const Service& s) { return !s.cap_add.empty(); }, "set securityContext.capabilities by hand"},
    {"cap_drop", [](const Service& s) { return !s.cap_drop.empty(); }, "set securityContext.capabilities by hand"},
    {"security_opt", [](const Service& s) { return !s.security_opt.empty(); }, "node security profiles differ"},
    {"user", [](const Service& s) { return s.user.has_value(); }, "set securityContext.runAsUser by hand"},
    {"group_add", [](const Service& s) { return !s.group_add.empty(); }, "set securityContext.supplementalGroups"},
    {"read_only", [](const Service& s) { return s.read_only; }, "set securityContext.readOnlyRootFilesystem"},
    {"extra_hosts", [](const Service& s) { return !s.extra_hosts.empty(); }, "use hostAliases in the pod spec"},
    {"dns", [](const Service& s) { return !s.dns.empty(); }, "pods use the cluster DNS"},
    {"dns_search", [](const Service& s) { return !s.dns_search.empty(); }, "pods use the cluster DNS"},
    {"dns_opt", [](const Service& s) { return !s.dns_opt.empty(); }, "pods use the cluster DNS"},
    {"container_name", [](const Service& s) { return s.container_name.has_value(); },
     "pods get generated names; reach the service by its Service name"},
    {"hostname", [](const Service& s) { return s.hostname.has_value(); }, "a pod's hostname is its name"},
    {"domainname", [](const Service& s) { return s.domainname.has_value(); }, "a pod's domain is the cluster's"},
    {"links", [](const Service& s) { return !s.links.empty(); }, "services reach each other by Service name"},
    {"restart", restart_not_always, "a Deployment always restarts its containers (restartPolicy: Always)"},
    {"deploy", deploy_restart_not_any, "a Deployment always restarts its containers (restartPolicy: Always)"},
    {"pids_limit", pids_limited, "Kubernetes has no per-container pids limit"},
    {"memswap_limit", [](const Service& s) { return s.memswap_limit.has_value(); }, "Kubernetes has no swap limit"},
    {"shm_size", [](const Service& s) { return s.shm_size.has_value(); }, "use an emptyDir at /dev/shm"},
    {"sysctls", [](const Service& s) { return !s.sysctls.empty(); }, "set securityContext.sysctls by hand"},
    {"ulimits", [](const Service& s) { return !s.ulimits.empty(); }, "limits are the node runtime's"},
    {"pid", [](const Service& s) { return s.pid.has_value(); }, "use hostPID or shareProcessNamespace by hand"},
    {"ipc", [](const Service& s) { return s.ipc.has_value(); }, "use hostIPC by hand"},
    {"init", [](const Service& s) { return s.init.has_value(); }, "the image's entrypoint is PID 1"},
    {"stop_signal", [](const Service& s) { return s.stop_signal.has_value(); }, "pods are stopped with SIGTERM"},
    {"stop_grace_period", [](const Service& s) { return s.stop_grace_period.has_value(); },
     "set terminationGracePeriodSeconds by hand"},
    {"logging", [](const Service& s) { return s.logging.has_value(); }, "logs are the node runtime's"},
    {"tty", [](const Service& s) { return s.tty; }, "set tty in the container by hand"},
    {"stdin_open", [](const Service& s) { return s.stdin_open; }, "set stdin in the container by hand"},
    {"runtime", [](const Service& s) { return s.runtime.has_value(); }, "a pod's runtime is its RuntimeClass"},
    {"platform", [](const Service& s) { return s.platform.has_value(); }, "use a nodeSelector on kubernetes.io/arch"},
    {"pull_policy", [](const Service& s) { return s.pull_policy.has_value(); }, "set imagePullPolicy by hand"},
    {"labels", [](const Service& s) { return !s.labels.empty(); }, "container labels have no pod equivalent"},
    {"annotations", [](const Service& s) { return !s.annotations.empty(); }, "container annotations are not copied"},
    {"secrets", [](const Service& s) { return !s.secrets.empty(); }, "use Kubernetes Secrets"},
    {"configs", [](const Service& s) { return !s.configs.empty(); }, "use ConfigMaps"},
    {"profiles", [](const Service& s) { return !s.profiles.empty(); },
     "profiles are applied when converting: only the enabled services are written"},
};

}  // namespace

void warn_unsupported(const Service& s, bool unikernel, Warnings& w) {
    for (const auto& r : kRules) {
        if (std::string(r.key) == "runtime" && unikernel)
            continue;  // the RuntimeClass says it
        if (r.set(s))
            w.add(s, r.key, std::string(r.key) + " is not converted: " + r.reason);
    }
    for (const auto& [key, values] : s.passthrough)
        w.add(s, key, key + " is not converted: it has no Kubernetes equivalent");
}

}  // namespace ucompose::kube
