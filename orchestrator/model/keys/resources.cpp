// What a service may use and do: memory, cpus, pids, ulimits, devices, capabilities, security
// options, sysctls, namespaces, deploy (its limits and restart policy), platform.
#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/keys/sub_keys.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/units.hpp"

namespace ucompose {
namespace {

using namespace keys;

// deploy.resources.limits and .reservations.
const SubKey<ResourceSpec> kResourceKeys[] = {
    {"cpus", [](const Value& x, const std::string& kp, const KeyRead&, ResourceSpec& s) { s.cpus = read_double(x, kp); }},
    {"memory", [](const Value& x, const std::string& kp, const KeyRead&, ResourceSpec& s) { s.memory = read_bytes(x, kp); }},
    {"pids", [](const Value& x, const std::string& kp, const KeyRead&, ResourceSpec& s) { s.pids = read_int(x, kp); }},
    {"devices", nullptr},
    {"generic_resources", nullptr},
};

ResourceSpec read_resources(const Value& v, const std::string& p, const KeyRead& r) {
    ResourceSpec s;
    if (v.is_null()) return s;
    need_map(v, p);
    read_sub_keys(v, p, r, kResourceKeys, s, XKeys::unknown);
    return s;
}

const SubKey<Deploy> kDeployResourceKeys[] = {
    {"limits", [](const Value& x, const std::string& kp, const KeyRead& r, Deploy& d) { d.limits = read_resources(x, kp, r); }},
    {"reservations",
     [](const Value& x, const std::string& kp, const KeyRead& r, Deploy& d) { d.reservations = read_resources(x, kp, r); }},
};

const SubKey<Deploy> kRestartPolicyKeys[] = {
    {"condition", [](const Value& x, const std::string& kp, const KeyRead&, Deploy& d) {
         d.restart_policy_condition = read_string(x, kp);
     }},
    {"max_attempts", [](const Value& x, const std::string& kp, const KeyRead&, Deploy& d) {
         d.restart_policy_max_attempts = static_cast<int>(read_int(x, kp));
     }},
    {"delay", nullptr},
    {"window", nullptr},
};

// A mapping read through `table` into the same Deploy; null is no sub-key at all.
template <std::size_t N>
void read_deploy_map(const Value& x, const std::string& kp, const KeyRead& r, const SubKey<Deploy> (&table)[N], Deploy& d) {
    if (x.is_null()) return;
    need_map(x, kp);
    read_sub_keys(x, kp, r, table, d, XKeys::unknown);
}

const SubKey<Deploy> kDeployKeys[] = {
    {"replicas", [](const Value& x, const std::string& kp, const KeyRead&, Deploy& d) {
         d.replicas = static_cast<int>(read_int(x, kp));
     }},
    {"labels", [](const Value& x, const std::string& kp, const KeyRead&, Deploy& d) { d.labels = read_string_map(x, kp); }},
    {"resources", [](const Value& x, const std::string& kp, const KeyRead& r, Deploy& d) {
         read_deploy_map(x, kp, r, kDeployResourceKeys, d);
     }},
    {"restart_policy", [](const Value& x, const std::string& kp, const KeyRead& r, Deploy& d) {
         read_deploy_map(x, kp, r, kRestartPolicyKeys, d);
     }},
    {"mode", nullptr},
    {"endpoint_mode", nullptr},
    {"placement", nullptr},
    {"update_config", nullptr},
    {"rollback_config", nullptr},
};

void read_deploy(const Value& v, const KeyRead& r, Service& s) {
    const std::string p = r.path();
    Deploy d;
    if (!v.is_null()) {
        need_map(v, p);
        read_sub_keys(v, p, r, kDeployKeys, d, XKeys::extensions);
    }
    s.deploy = d;
}

void read_memswap_limit(const Value& v, const KeyRead& r, Service& s) {
    s.memswap_limit = (v.is_scalar() && v.scalar == "-1") ? -1 : read_bytes(v, r.path());
}

// podman-compose's (and `podman run --ulimit`'s) form: "nofile=1001" or "nproc=1002:2002".
void read_ulimit_word(const Value& v, const std::string& p, Service& s) {
    if (!v.is_scalar()) throw_type(v, p, "a mapping, or name=soft[:hard] strings");
    const std::string& w = v.scalar;
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error(v.pos, p + ": invalid ulimit \"" + w + "\": expected name=soft[:hard]");
    std::string name = w.substr(0, eq), limits = w.substr(eq + 1);
    auto colon = limits.find(':');
    Ulimit u;
    if (colon == std::string::npos) {
        u.single = read_int(Value::make_scalar(limits, v.pos), p + "." + name);
    } else {
        u.soft = read_int(Value::make_scalar(limits.substr(0, colon), v.pos), p + "." + name + ".soft");
        u.hard = read_int(Value::make_scalar(limits.substr(colon + 1), v.pos), p + "." + name + ".hard");
    }
    s.ulimits[name] = u;
}

// "nofile: 1024" or "nofile: {soft, hard}"; podman-compose's "nofile=1024" string or list of them.
void read_ulimits(const Value& v, const KeyRead& r, Service& s) {
    const std::string p = r.path();
    s.ulimits.clear();
    if (v.is_null()) return;
    if (v.is_scalar()) return read_ulimit_word(v, p, s);
    if (v.is_seq()) {
        for (const Value& item : v.seq) read_ulimit_word(item, p, s);
        return;
    }
    need_map(v, p);
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        Ulimit u;
        if (e.value.is_map()) {
            for (const Entry& f : e.value.map) {
                if (f.key == "soft") u.soft = read_int(f.value, kp + ".soft");
                else if (f.key == "hard") u.hard = read_int(f.value, kp + ".hard");
                else r.warn_unknown(f, kp);
            }
        } else {
            u.single = read_int(e.value, kp);
        }
        s.ulimits[e.key] = u;
    }
}

// Long form {source, target, permissions} -> "source[:target[:permissions]]".
void read_devices(const Value& v, const KeyRead& r, Service& s) {
    const std::string kp = r.path();
    if (!v.is_seq()) {
        s.devices = read_string_list(v, kp);
        return;
    }
    s.devices.clear();
    for (const Value& d : v.seq) {
        if (d.is_map()) {
            std::string dev = read_string(d.find("source") ? *d.find("source") : d, kp + ".source");
            if (const Value* t = d.find("target")) dev += ":" + read_string(*t, kp + ".target");
            if (const Value* pm = d.find("permissions")) dev += ":" + read_string(*pm, kp + ".permissions");
            s.devices.push_back(dev);
        } else {
            s.devices.push_back(read_string(d, kp));
        }
    }
}

nlohmann::json resources_json(const ResourceSpec& r) {
    nlohmann::json o = nlohmann::json::object();
    put(o, "cpus", r.cpus);
    put(o, "memory", r.memory);
    put(o, "pids", r.pids);
    return o;
}

void emit_deploy(const Service& s, nlohmann::json& out) {
    if (!s.deploy) return;
    const Deploy& d = *s.deploy;
    out = nlohmann::json::object();
    put(out, "replicas", d.replicas);
    put(out, "labels", d.labels);
    nlohmann::json r = nlohmann::json::object();
    nlohmann::json lim = resources_json(d.limits), res = resources_json(d.reservations);
    if (!lim.empty()) r["limits"] = lim;
    if (!res.empty()) r["reservations"] = res;
    if (!r.empty()) out["resources"] = r;
    if (d.restart_policy_condition || d.restart_policy_max_attempts) {
        nlohmann::json rp = nlohmann::json::object();
        put(rp, "condition", d.restart_policy_condition);
        put(rp, "max_attempts", d.restart_policy_max_attempts);
        out["restart_policy"] = rp;
    }
}

// "nofile: 1024" or "nofile: {soft, hard}".
void emit_ulimits(const Service& s, nlohmann::json& out) {
    for (const auto& [name, l] : s.ulimits) {
        if (l.single) {
            out[name] = *l.single;
        } else {
            nlohmann::json j = nlohmann::json::object();
            put(j, "soft", l.soft);
            put(j, "hard", l.hard);
            out[name] = j;
        }
    }
}

// deploy.resources.{limits,reservations}.memory.
void deploy_bytes(nlohmann::json& d) {
    if (!d.contains("resources")) return;
    for (auto& r : d["resources"])
        if (auto m = r.find("memory"); m != r.end()) whole_bytes(*m);
}

// A Deployment's restart policy is always Always.
bool deploy_restart_not_any(const Service& s, bool) {
    return s.deploy && s.deploy->restart_policy_condition && *s.deploy->restart_policy_condition != "any";
}

bool pids_limited(const Service& s, bool) {
    return s.pids_limit || (s.deploy && (s.deploy->limits.pids || s.deploy->reservations.pids));
}

}  // namespace

std::vector<ServiceKey> resources_keys() {
    using namespace merge_rule;
    return {
        {.name = "mem_limit", .merge = replace, .read = into(&Service::mem_limit, read_bytes),
         .emit = from(&Service::mem_limit), .bytes = whole_bytes,
         .kube = kube_converted()},
        {.name = "mem_reservation", .merge = replace, .read = into(&Service::mem_reservation, read_bytes),
         .emit = from(&Service::mem_reservation), .bytes = whole_bytes,
         .kube = kube_converted()},
        {.name = "memswap_limit", .merge = replace, .read = read_memswap_limit,
         .emit = from(&Service::memswap_limit), .bytes = whole_bytes,
         .kube = kube_warned_if_set(26, &Service::memswap_limit, "Kubernetes has no swap limit")},
        {.name = "cpus", .merge = replace, .read = into(&Service::cpus, read_double),
         .emit = from(&Service::cpus),
         .kube = kube_converted()},
        {.name = "pids_limit", .merge = replace, .read = into(&Service::pids_limit, read_int),
         .emit = from(&Service::pids_limit),
         .kube = kube_warned(25, pids_limited, "Kubernetes has no per-container pids limit")},
        {.name = "shm_size", .merge = replace, .read = into(&Service::shm_size, read_bytes),
         .emit = from(&Service::shm_size), .bytes = whole_bytes,
         .kube = kube_warned_if_set(27, &Service::shm_size, "use an emptyDir at /dev/shm")},
        {.name = "ulimits", .merge = mapping, .read = read_ulimits, .emit = emit_ulimits,
         .kube = kube_warned_if_set(29, &Service::ulimits, "limits are the node runtime's")},
        {.name = "cap_add", .merge = append_unique, .read = into(&Service::cap_add, read_string_list),
         .emit = from(&Service::cap_add),
         .kube = kube_warned_if_set(9, &Service::cap_add, "set securityContext.capabilities by hand")},
        {.name = "cap_drop", .merge = append_unique, .read = into(&Service::cap_drop, read_string_list),
         .emit = from(&Service::cap_drop),
         .kube = kube_warned_if_set(10, &Service::cap_drop, "set securityContext.capabilities by hand")},
        {.name = "devices", .merge = append_unique, .read = read_devices, .emit = from(&Service::devices),
         .kube = kube_warned_if_set(7, &Service::devices, "host devices belong to one node")},
        {.name = "security_opt", .merge = append_unique, .read = into(&Service::security_opt, read_string_list),
         .emit = from(&Service::security_opt),
         .kube = kube_warned_if_set(11, &Service::security_opt, "node security profiles differ")},
        {.name = "group_add", .merge = append_unique, .read = into(&Service::group_add, read_string_list),
         .emit = from(&Service::group_add),
         .kube = kube_warned_if_set(13, &Service::group_add, "set securityContext.supplementalGroups")},
        {.name = "sysctls", .normalize = shape::mapping, .merge = mapping,
         .read = into(&Service::sysctls, read_string_map), .emit = from(&Service::sysctls),
         .kube = kube_warned_if_set(28, &Service::sysctls, "set securityContext.sysctls by hand")},
        {.name = "read_only", .merge = replace, .read = into(&Service::read_only, read_bool),
         .emit = from(&Service::read_only),
         .kube = kube_warned_if_set(14, &Service::read_only, "set securityContext.readOnlyRootFilesystem")},
        {.name = "privileged", .merge = replace, .read = into(&Service::privileged, read_bool),
         .emit = from(&Service::privileged),
         .kube = kube_warned_if_set(8, &Service::privileged, "set securityContext.privileged by hand if needed")},
        {.name = "pid", .merge = replace, .read = into(&Service::pid, read_string), .emit = from(&Service::pid),
         .kube = kube_warned_if_set(30, &Service::pid, "use hostPID or shareProcessNamespace by hand")},
        {.name = "ipc", .merge = replace, .read = into(&Service::ipc, read_string), .emit = from(&Service::ipc),
         .kube = kube_warned_if_set(31, &Service::ipc, "use hostIPC by hand")},
        {.name = "platform", .merge = replace, .read = into(&Service::platform, read_string),
         .emit = from(&Service::platform),
         .kube = kube_warned_if_set(39, &Service::platform, "use a nodeSelector on kubernetes.io/arch")},
        {.name = "deploy", .normalize = shape::deploy, .merge = mapping, .read = read_deploy, .emit = emit_deploy,
         .bytes = deploy_bytes,
         .kube = kube_warned(24, deploy_restart_not_any,
                             "a Deployment always restarts its containers (restartPolicy: Always)")},
        not_yet("blkio_config"),
        not_yet("cpu_count"),
        not_yet("cpu_percent"),
        not_yet("gpus"),
    };
}

}  // namespace ucompose
