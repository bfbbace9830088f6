#include "orchestrator/podman/container_args.hpp"

#include <nlohmann/json.hpp>

#include "orchestrator/model/passthrough.hpp"

namespace ucompose {
namespace {

void add(sys::Argv& a, const std::string& flag, const std::string& value) {
    a.push_back(flag);
    a.push_back(value);
}

std::string json_array(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::string bytes(int64_t b) { return std::to_string(b); }

std::string number(double d) {
    std::string s = std::to_string(d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

void add_healthcheck(sys::Argv& a, const Healthcheck& hc) {
    if (hc.disable || (!hc.test.empty() && hc.test.front() == "NONE")) {
        a.push_back("--no-healthcheck");
        return;
    }
    if (!hc.test.empty()) {
        const std::string& kind = hc.test.front();
        std::vector<std::string> rest(hc.test.begin() + 1, hc.test.end());
        if (kind == "CMD-SHELL") {
            std::string joined;
            for (const auto& s : rest) joined += (joined.empty() ? "" : " ") + s;
            add(a, "--health-cmd", joined);
        } else if (rest.size() == 1) {
            // podman turns a one-word exec form into CMD-SHELL; a word runs the same either way.
            add(a, "--health-cmd", rest.front());
        } else {
            add(a, "--health-cmd", json_array(rest));
        }
    }
    // ucompose runs the checks itself (no systemd timers here): podman gets no interval.
    add(a, "--health-interval", "disable");
    if (hc.timeout) add(a, "--health-timeout", go_duration(*hc.timeout));
    if (hc.retries) add(a, "--health-retries", std::to_string(*hc.retries));
    if (hc.start_period) add(a, "--health-start-period", go_duration(*hc.start_period));
}

std::string port_arg(const Port& p) {
    std::string s;
    if (p.host_ip) {
        s += (p.host_ip->find(':') != std::string::npos ? "[" + *p.host_ip + "]" : *p.host_ip) + ":";
        s += p.published.value_or("") + ":";
    } else if (p.published) {
        s += *p.published + ":";
    }
    s += std::to_string(p.target);
    if (p.protocol != "tcp") s += "/" + p.protocol;
    return s;
}

void add_mount(sys::Argv& a, const VolumeMount& m, const std::map<std::string, std::string>& volumes) {
    switch (m.type) {
    case MountType::Tmpfs: {
        std::string s = "type=tmpfs,destination=" + m.target;
        if (m.tmpfs_size) s += ",tmpfs-size=" + bytes(*m.tmpfs_size);
        if (m.tmpfs_mode) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%o", *m.tmpfs_mode);
            s += std::string(",tmpfs-mode=") + buf;
        }
        if (m.read_only) s += ",ro=true";
        add(a, "--mount", s);
        return;
    }
    case MountType::Volume:
        if (!m.source) {  // anonymous volume
            add(a, "-v", m.target + (m.read_only ? ":ro" : ""));
            return;
        }
        [[fallthrough]];
    default: {
        std::vector<std::string> opts;
        if (m.read_only) opts.push_back("ro");
        if (m.bind_selinux) opts.push_back(*m.bind_selinux);
        if (m.bind_propagation) opts.push_back(*m.bind_propagation);
        if (m.volume_nocopy) opts.push_back("nocopy");
        std::string source = m.source.value_or("");
        if (m.type == MountType::Volume) {
            auto it = volumes.find(source);
            if (it != volumes.end()) source = it->second;
        }
        std::string s = source + ":" + m.target;
        for (std::size_t i = 0; i < opts.size(); ++i) s += (i == 0 ? ":" : ",") + opts[i];
        add(a, "-v", s);
    }
    }
}

std::string restart_policy(const Service& s) {
    if (s.restart) {
        if (*s.restart == "no" || *s.restart == "false") return "no";
        return *s.restart;
    }
    if (s.deploy && s.deploy->restart_policy_condition) {
        const std::string& c = *s.deploy->restart_policy_condition;
        if (c == "none") return "no";
        if (c == "any") return "always";
        if (c == "on-failure") {
            return s.deploy->restart_policy_max_attempts
                       ? "on-failure:" + std::to_string(*s.deploy->restart_policy_max_attempts)
                       : "on-failure";
        }
    }
    return "";
}

}  // namespace

std::string go_duration(Duration d) {
    using namespace std::chrono;
    auto ns = d.count();
    if (ns == 0) return "0s";
    if (ns % 1'000'000'000 == 0) return std::to_string(ns / 1'000'000'000) + "s";
    if (ns % 1'000'000 == 0) return std::to_string(ns / 1'000'000) + "ms";
    if (ns % 1'000 == 0) return std::to_string(ns / 1'000) + "us";
    return std::to_string(ns) + "ns";
}

sys::Argv container_args(const Service& s, const ContainerSpec& spec) {
    sys::Argv a;
    add(a, "--name", spec.name);
    if (spec.remove) a.push_back("--rm");
    if (spec.detach) a.push_back("-d");
    if (spec.pull) a.push_back("--pull=" + *spec.pull);
    if (spec.runtime) add(a, "--runtime", *spec.runtime);

    std::map<std::string, std::string> labels = s.labels;
    for (const auto& [k, v] : spec.labels) labels[k] = v;
    for (const auto& [k, v] : labels) add(a, "--label", k + "=" + v);
    for (const auto& [k, v] : s.annotations) add(a, "--annotation", k + "=" + v);

    for (const auto& [k, v] : s.environment) {
        if (v && !spec.extra_env.count(k)) add(a, "-e", k + "=" + *v);
    }
    for (const auto& [k, v] : spec.extra_env) add(a, "-e", k + "=" + v);

    // Networking.
    if (spec.network_mode) {
        add(a, "--network", *spec.network_mode);
    } else {
        for (const auto& [key, real] : spec.networks) {
            std::vector<std::string> opts;
            if (spec.service_alias) opts.push_back("alias=" + s.name);
            auto att = s.networks.find(key);
            if (att != s.networks.end()) {
                for (const auto& al : att->second.aliases) opts.push_back("alias=" + al);
                if (att->second.ipv4_address) opts.push_back("ip=" + *att->second.ipv4_address);
                if (att->second.ipv6_address) opts.push_back("ip6=" + *att->second.ipv6_address);
                if (att->second.mac_address) opts.push_back("mac=" + *att->second.mac_address);
            }
            std::string v = real;
            for (std::size_t i = 0; i < opts.size(); ++i) v += (i == 0 ? ":" : ",") + opts[i];
            add(a, "--network", v);
        }
    }
    if (s.hostname) add(a, "--hostname", *s.hostname);
    if (s.domainname) add(a, "--domainname", *s.domainname);
    for (const auto& h : s.extra_hosts) add(a, "--add-host", h);
    for (const auto& d : s.dns) add(a, "--dns", d);
    for (const auto& d : s.dns_search) add(a, "--dns-search", d);
    for (const auto& d : s.dns_opt) add(a, "--dns-option", d);
    if (spec.publish_ports) {
        for (const auto& p : s.ports) add(a, "-p", port_arg(p));
    }
    for (const auto& e : s.expose) add(a, "--expose", e);

    // Storage.
    for (const auto& m : s.volumes) add_mount(a, m, spec.volumes);
    for (const auto& b : spec.file_binds) add(a, "-v", b);
    for (const auto& [key, values] : s.passthrough) {
        const PassKey* pk = find_passthrough(key);
        if (!pk) continue;
        if (pk->kind == PassKind::Bool) {
            a.push_back(pk->flag);
            continue;
        }
        for (const auto& v : values) add(a, pk->flag, v);
    }
    for (const auto& x : spec.secrets) add(a, "--secret", x);
    for (const auto& v : spec.volumes_from) add(a, "--volumes-from", v);
    for (const auto& t : s.tmpfs) add(a, "--tmpfs", t);

    // Process.
    std::optional<std::string> user = spec.user ? spec.user : s.user;
    if (user) add(a, "--user", *user);
    std::optional<std::string> workdir = spec.workdir ? spec.workdir : s.working_dir;
    if (workdir) add(a, "--workdir", *workdir);
    const auto& entrypoint = spec.entrypoint ? spec.entrypoint : s.entrypoint;
    if (entrypoint) add(a, "--entrypoint", entrypoint->empty() ? "" : json_array(*entrypoint));
    if (s.init && *s.init) a.push_back("--init");
    if (spec.tty.value_or(s.tty)) a.push_back("-t");
    if (spec.interactive.value_or(s.stdin_open)) a.push_back("-i");
    if (s.stop_signal) add(a, "--stop-signal", *s.stop_signal);
    if (s.stop_grace_period) {
        add(a, "--stop-timeout",
            std::to_string(std::chrono::duration_cast<std::chrono::seconds>(*s.stop_grace_period).count()));
    }
    std::string restart = restart_policy(s);
    if (!restart.empty() && !spec.remove) add(a, "--restart", restart);

    // Resources and security.
    std::optional<int64_t> memory = s.mem_limit;
    std::optional<double> cpus = s.cpus;
    std::optional<int64_t> pids = s.pids_limit;
    std::optional<int64_t> reservation = s.mem_reservation;
    if (s.deploy) {
        if (!memory) memory = s.deploy->limits.memory;
        if (!cpus) cpus = s.deploy->limits.cpus;
        if (!pids) pids = s.deploy->limits.pids;
        if (!reservation) reservation = s.deploy->reservations.memory;
    }
    if (memory) add(a, "--memory", bytes(*memory));
    if (reservation) add(a, "--memory-reservation", bytes(*reservation));
    if (s.memswap_limit) add(a, "--memory-swap", bytes(*s.memswap_limit));
    if (cpus) add(a, "--cpus", number(*cpus));
    if (pids) add(a, "--pids-limit", std::to_string(*pids));
    if (s.shm_size) add(a, "--shm-size", bytes(*s.shm_size));
    for (const auto& [name, u] : s.ulimits) {
        if (u.single) add(a, "--ulimit", name + "=" + std::to_string(*u.single));
        else if (u.soft && u.hard)
            add(a, "--ulimit", name + "=" + std::to_string(*u.soft) + ":" + std::to_string(*u.hard));
    }
    for (const auto& c : s.cap_add) add(a, "--cap-add", c);
    for (const auto& c : s.cap_drop) add(a, "--cap-drop", c);
    for (const auto& d : s.devices) add(a, "--device", d);
    for (const auto& o : s.security_opt) add(a, "--security-opt", o);
    for (const auto& g : s.group_add) add(a, "--group-add", g);
    for (const auto& [k, v] : s.sysctls) add(a, "--sysctl", k + "=" + v);
    if (s.read_only) a.push_back("--read-only");
    if (s.privileged) a.push_back("--privileged");
    if (s.pid) add(a, "--pid", *s.pid);
    if (s.ipc) add(a, "--ipc", *s.ipc);
    if (s.platform) add(a, "--platform", *s.platform);
    if (s.logging) {
        if (s.logging->driver) add(a, "--log-driver", *s.logging->driver);
        for (const auto& [k, v] : s.logging->options) add(a, "--log-opt", k + "=" + v);
    }
    if (s.healthcheck) add_healthcheck(a, *s.healthcheck);

    a.insert(a.end(), spec.extra_args.begin(), spec.extra_args.end());
    a.push_back(spec.image);
    const auto& command = spec.command ? spec.command : s.command;
    if (command) a.insert(a.end(), command->begin(), command->end());
    return a;
}

sys::Argv network_create_args(const NetworkDef& n, const std::map<std::string, std::string>& labels) {
    sys::Argv a;
    for (const auto& [k, v] : labels) add(a, "--label", k + "=" + v);
    for (const auto& [k, v] : n.labels) add(a, "--label", k + "=" + v);
    if (n.driver) add(a, "--driver", *n.driver);
    for (const auto& [k, v] : n.driver_opts) add(a, "--opt", k + "=" + v);
    if (n.internal) a.push_back("--internal");
    if (n.enable_ipv6) a.push_back("--ipv6");
    if (n.ipam_driver) add(a, "--ipam-driver", *n.ipam_driver);
    for (const auto& pool : n.ipam_config) {
        if (pool.subnet) add(a, "--subnet", *pool.subnet);
        if (pool.gateway) add(a, "--gateway", *pool.gateway);
        if (pool.ip_range) add(a, "--ip-range", *pool.ip_range);
    }
    a.push_back(n.name);
    return a;
}

sys::Argv volume_create_args(const VolumeDef& v, const std::map<std::string, std::string>& labels) {
    sys::Argv a;
    for (const auto& [k, val] : labels) add(a, "--label", k + "=" + val);
    for (const auto& [k, val] : v.labels) add(a, "--label", k + "=" + val);
    if (v.driver) add(a, "--driver", *v.driver);
    for (const auto& [k, val] : v.driver_opts) add(a, "--opt", k + "=" + val);
    a.push_back(v.name);
    return a;
}

sys::Argv build_args(const BuildConfig& b, const std::string& tag, bool no_cache, bool pull) {
    sys::Argv a;
    add(a, "-t", tag);
    for (const auto& t : b.tags) add(a, "-t", t);
    if (b.dockerfile) add(a, "-f", b.dockerfile->front() == '/' ? *b.dockerfile : b.context + "/" + *b.dockerfile);
    for (const auto& [k, v] : b.args) add(a, "--build-arg", v ? k + "=" + *v : k);
    if (b.target) add(a, "--target", *b.target);
    for (const auto& [k, v] : b.labels) add(a, "--label", k + "=" + v);
    if (b.network) add(a, "--network", *b.network);
    if (b.shm_size) add(a, "--shm-size", *b.shm_size);
    if (no_cache || b.no_cache) a.push_back("--no-cache");
    if (pull || b.pull) a.push_back("--pull=always");
    a.push_back(b.context);
    return a;
}

FileObjectArgs file_object_args(const Project& project, const Service& service) {
    FileObjectArgs out;
    for (const FileObjectRef& r : service.secrets) {
        const FileObjectDef& d = project.secrets.at(r.source);
        std::string target = r.target.value_or(r.source);
        if (d.external) {
            std::string v = d.name + ",type=mount,target=" + target;
            if (r.uid) v += ",uid=" + *r.uid;
            if (r.gid) v += ",gid=" + *r.gid;
            if (r.mode) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%o", *r.mode);
                v += std::string(",mode=0") + buf;
            }
            out.secrets.push_back(v);
        } else {
            if (target.front() != '/') target = "/run/secrets/" + target;
            out.binds.push_back(*d.file + ":" + target + ":ro");
        }
    }
    for (const FileObjectRef& r : service.configs) {
        const FileObjectDef& d = project.configs.at(r.source);
        std::string target = r.target.value_or("/" + r.source);
        if (target.front() != '/') target = "/" + target;
        out.binds.push_back(*d.file + ":" + target + ":ro");
    }
    return out;
}

}  // namespace ucompose
