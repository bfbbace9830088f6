#include "orchestrator/model/serialize.hpp"

#include <algorithm>
#include <cstdio>

#include <yaml-cpp/yaml.h>

#include "orchestrator/model/error.hpp"
#include "orchestrator/model/passthrough.hpp"
#include "orchestrator/model/units.hpp"
#include "orchestrator/model/yaml_scalar.hpp"

namespace ucompose {
namespace {

using json = nlohmann::json;

template <class T>
void put(json& o, const char* key, const std::optional<T>& v) {
    if (v) o[key] = *v;
}
void put(json& o, const char* key, const std::vector<std::string>& v) {
    if (!v.empty()) o[key] = v;
}
void put(json& o, const char* key, const std::map<std::string, std::string>& v) {
    if (!v.empty()) o[key] = v;
}
void put_flag(json& o, const char* key, bool v) {
    if (v) o[key] = true;
}
void put_duration(json& o, const char* key, const std::optional<Duration>& d) {
    if (d) o[key] = format_duration(*d);
}

json resources(const ResourceSpec& r) {
    json o = json::object();
    if (r.cpus) o["cpus"] = *r.cpus;
    put(o, "memory", r.memory);
    put(o, "pids", r.pids);
    return o;
}

json mount(const VolumeMount& m) {
    json o;
    o["type"] = to_string(m.type);
    put(o, "source", m.source);
    o["target"] = m.target;
    put_flag(o, "read_only", m.read_only);
    put(o, "consistency", m.consistency);
    if (m.type == MountType::Bind) {
        json b;
        b["create_host_path"] = m.bind_create_host_path;
        put(b, "propagation", m.bind_propagation);
        put(b, "selinux", m.bind_selinux);
        o["bind"] = b;
    }
    if (m.volume_nocopy || m.volume_subpath) {
        json v = json::object();
        put_flag(v, "nocopy", m.volume_nocopy);
        put(v, "subpath", m.volume_subpath);
        o["volume"] = v;
    }
    if (m.tmpfs_size || m.tmpfs_mode) {
        json t = json::object();
        put(t, "size", m.tmpfs_size);
        put(t, "mode", m.tmpfs_mode);
        o["tmpfs"] = t;
    }
    return o;
}

}  // namespace

json service_to_json(const Service& s) {
    json o = json::object();
    put(o, "image", s.image);
    if (s.build) {
        const BuildConfig& b = *s.build;
        json j;
        j["context"] = b.context;
        put(j, "dockerfile", b.dockerfile);
        put(j, "dockerfile_inline", b.dockerfile_inline);
        put(j, "target", b.target);
        put(j, "network", b.network);
        put(j, "shm_size", b.shm_size);
        put(j, "labels", b.labels);
        put(j, "cache_from", b.cache_from);
        put(j, "tags", b.tags);
        put_flag(j, "no_cache", b.no_cache);
        put_flag(j, "pull", b.pull);
        if (!b.args.empty()) {
            json a = json::object();
            for (const auto& [k, v] : b.args) a[k] = v ? json(*v) : json(nullptr);
            j["args"] = a;
        }
        o["build"] = j;
    }
    if (s.command) o["command"] = *s.command;
    if (s.entrypoint) o["entrypoint"] = *s.entrypoint;
    if (!s.environment.empty()) {
        json e = json::object();
        for (const auto& [k, v] : s.environment) e[k] = v ? json(*v) : json(nullptr);
        o["environment"] = e;
    }
    if (!s.env_file.empty()) {
        json a = json::array();
        for (const EnvFile& f : s.env_file) {
            json j{{"path", f.path}, {"required", f.required}};
            put(j, "format", f.format);
            a.push_back(j);
        }
        o["env_file"] = a;
    }
    if (!s.depends_on.empty()) {
        json d = json::object();
        for (const auto& [name, dep] : s.depends_on) {
            json j{{"condition", to_string(dep.condition)}, {"required", dep.required}};
            put_flag(j, "restart", dep.restart);
            d[name] = j;
        }
        o["depends_on"] = d;
    }
    if (s.healthcheck) {
        const Healthcheck& h = *s.healthcheck;
        json j = json::object();
        put(j, "test", h.test);
        put_duration(j, "interval", h.interval);
        put_duration(j, "timeout", h.timeout);
        put_duration(j, "start_period", h.start_period);
        put_duration(j, "start_interval", h.start_interval);
        put(j, "retries", h.retries);
        put_flag(j, "disable", h.disable);
        o["healthcheck"] = j;
    }
    if (!s.ports.empty()) {
        json a = json::array();
        for (const Port& p : s.ports) {
            json j{{"target", p.target}, {"protocol", p.protocol}, {"mode", p.mode}};
            put(j, "published", p.published);
            put(j, "host_ip", p.host_ip);
            put(j, "name", p.name);
            put(j, "app_protocol", p.app_protocol);
            a.push_back(j);
        }
        o["ports"] = a;
    }
    put(o, "expose", s.expose);
    if (!s.volumes.empty()) {
        json a = json::array();
        for (const VolumeMount& m : s.volumes) a.push_back(mount(m));
        o["volumes"] = a;
    }
    put(o, "volumes_from", s.volumes_from);
    for (const auto& [key, values] : s.passthrough) {
        const PassKey* pk = find_passthrough(key);
        if (!pk || values.empty()) continue;
        switch (pk->kind) {
        case PassKind::Int: o[key] = std::stoll(values.front()); break;
        case PassKind::String: o[key] = values.front(); break;
        case PassKind::Bool: o[key] = true; break;
        case PassKind::List: o[key] = values; break;
        case PassKind::Map: {
            json m = json::object();
            for (const auto& kv : values) {
                auto eq = kv.find('=');
                m[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
            }
            o[key] = m;
            break;
        }
        }
    }
    for (const auto& [key, refs] : {std::pair{"secrets", &s.secrets}, std::pair{"configs", &s.configs}}) {
        if (refs->empty()) continue;
        json a = json::array();
        for (const FileObjectRef& r : *refs) {
            json j = json::object();
            j["source"] = r.source;
            put(j, "target", r.target);
            put(j, "uid", r.uid);
            put(j, "gid", r.gid);
            if (r.mode) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "0%o", *r.mode);
                j["mode"] = buf;
            }
            a.push_back(j);
        }
        o[key] = a;
    }
    if (!s.networks.empty()) {
        json n = json::object();
        for (const auto& [name, att] : s.networks) {
            json j = json::object();
            put(j, "aliases", att.aliases);
            put(j, "ipv4_address", att.ipv4_address);
            put(j, "ipv6_address", att.ipv6_address);
            put(j, "mac_address", att.mac_address);
            put(j, "priority", att.priority);
            n[name] = j.empty() ? json(nullptr) : j;
        }
        o["networks"] = n;
    }
    put(o, "network_mode", s.network_mode);
    put(o, "restart", s.restart);
    put(o, "labels", s.labels);
    put(o, "annotations", s.annotations);
    put(o, "container_name", s.container_name);
    put(o, "hostname", s.hostname);
    put(o, "domainname", s.domainname);
    put(o, "init", s.init);
    put(o, "user", s.user);
    put(o, "working_dir", s.working_dir);
    put(o, "mem_limit", s.mem_limit);
    put(o, "mem_reservation", s.mem_reservation);
    put(o, "memswap_limit", s.memswap_limit);
    put(o, "cpus", s.cpus);
    put(o, "pids_limit", s.pids_limit);
    put(o, "shm_size", s.shm_size);
    if (s.deploy) {
        const Deploy& d = *s.deploy;
        json j = json::object();
        put(j, "replicas", d.replicas);
        put(j, "labels", d.labels);
        json r = json::object();
        json lim = resources(d.limits), res = resources(d.reservations);
        if (!lim.empty()) r["limits"] = lim;
        if (!res.empty()) r["reservations"] = res;
        if (!r.empty()) j["resources"] = r;
        if (d.restart_policy_condition || d.restart_policy_max_attempts) {
            json rp = json::object();
            put(rp, "condition", d.restart_policy_condition);
            put(rp, "max_attempts", d.restart_policy_max_attempts);
            j["restart_policy"] = rp;
        }
        o["deploy"] = j;
    }
    put(o, "stop_signal", s.stop_signal);
    put_duration(o, "stop_grace_period", s.stop_grace_period);
    put(o, "runtime", s.runtime);
    put(o, "platform", s.platform);
    put(o, "cap_add", s.cap_add);
    put(o, "cap_drop", s.cap_drop);
    put(o, "devices", s.devices);
    put(o, "tmpfs", s.tmpfs);
    put_flag(o, "read_only", s.read_only);
    put_flag(o, "privileged", s.privileged);
    put_flag(o, "tty", s.tty);
    put_flag(o, "stdin_open", s.stdin_open);
    put(o, "extra_hosts", s.extra_hosts);
    put(o, "dns", s.dns);
    put(o, "dns_search", s.dns_search);
    put(o, "dns_opt", s.dns_opt);
    put(o, "security_opt", s.security_opt);
    put(o, "group_add", s.group_add);
    put(o, "links", s.links);
    put(o, "sysctls", s.sysctls);
    if (!s.ulimits.empty()) {
        json u = json::object();
        for (const auto& [name, l] : s.ulimits) {
            if (l.single) {
                u[name] = *l.single;
            } else {
                json j = json::object();
                put(j, "soft", l.soft);
                put(j, "hard", l.hard);
                u[name] = j;
            }
        }
        o["ulimits"] = u;
    }
    put(o, "pid", s.pid);
    put(o, "ipc", s.ipc);
    if (s.logging) {
        json j = json::object();
        put(j, "driver", s.logging->driver);
        put(j, "options", s.logging->options);
        o["logging"] = j;
    }
    put(o, "scale", s.scale);
    put(o, "pull_policy", s.pull_policy);
    put(o, "profiles", s.profiles);
    if (s.ucompose) {
        json x = json::object();
        put(x, "unikernel", s.ucompose->unikernel);
        put(x, "runtime", s.ucompose->runtime);
        put(x, "probe_tcp", s.ucompose->probe_tcp);
        if (s.ucompose->probe_http)
            x["probe_http"] = std::to_string(s.ucompose->probe_http->port) + s.ucompose->probe_http->path;
        o["x-ucompose"] = x;
    }
    for (const auto& [k, v] : s.extensions) o[k] = v;
    return o;
}

json project_to_json(const Project& p) {
    json o = json::object();
    o["name"] = p.name;
    json services = json::object();
    for (const auto& [name, s] : p.services) services[name] = service_to_json(s);
    o["services"] = services;
    if (!p.networks.empty()) {
        json n = json::object();
        for (const auto& [key, d] : p.networks) {
            json j;
            j["name"] = d.name;
            put(j, "driver", d.driver);
            put(j, "driver_opts", d.driver_opts);
            put_flag(j, "external", d.external);
            put_flag(j, "internal", d.internal);
            put_flag(j, "enable_ipv6", d.enable_ipv6);
            put(j, "labels", d.labels);
            if (d.ipam_driver || !d.ipam_config.empty()) {
                json ipam = json::object();
                put(ipam, "driver", d.ipam_driver);
                if (!d.ipam_config.empty()) {
                    json cfg = json::array();
                    for (const IpamPool& pool : d.ipam_config) {
                        json c = json::object();
                        put(c, "subnet", pool.subnet);
                        put(c, "gateway", pool.gateway);
                        put(c, "ip_range", pool.ip_range);
                        cfg.push_back(c);
                    }
                    ipam["config"] = cfg;
                }
                j["ipam"] = ipam;
            }
            for (const auto& [k, v] : d.extensions) j[k] = v;
            n[key] = j;
        }
        o["networks"] = n;
    }
    if (!p.volumes.empty()) {
        json v = json::object();
        for (const auto& [key, d] : p.volumes) {
            json j;
            j["name"] = d.name;
            put(j, "driver", d.driver);
            put(j, "driver_opts", d.driver_opts);
            put_flag(j, "external", d.external);
            put(j, "labels", d.labels);
            for (const auto& [k, x] : d.extensions) j[k] = x;
            v[key] = j;
        }
        o["volumes"] = v;
    }
    for (const auto& [key, defs] : {std::pair{"secrets", &p.secrets}, std::pair{"configs", &p.configs}}) {
        if (defs->empty()) continue;
        json m = json::object();
        for (const auto& [name, d] : *defs) {
            json j = json::object();
            put(j, "file", d.file);
            if (d.external) {
                j["external"] = true;
                j["name"] = d.name;
            }
            m[name] = j;
        }
        o[key] = m;
    }
    for (const auto& [k, v] : p.extensions) o[k] = v;
    return o;
}

namespace {

// Docker compose writes every '$' of the model as "$$", so that its output reads back as the
// same model: the loader interpolates it again (docker/compose#8632).
std::string escape_dollars(const std::string& s) {
    if (s.find('$') == std::string::npos) return s;
    std::string out;
    out.reserve(s.size() + 4);
    for (char c : s) {
        out += c;
        if (c == '$') out += '$';
    }
    return out;
}

// The emitter quotes what YAML's syntax needs; a string that would read back as another type,
// or that holds a line break the emitter would leave bare, is quoted here.
void emit_text(YAML::Emitter& e, const std::string& s) {
    if (plain_reads_as_non_string(s) || has_other_line_break(s)) e << YAML::DoubleQuoted;
    e << s;
}

// Values are interpolated when the output is loaded again, keys are not.
void emit_string(YAML::Emitter& e, const std::string& s) { emit_text(e, escape_dollars(s)); }

// A float as Go's %g prints it, as docker compose does: JSON's shortest form that reads back
// the same, without JSON's ".0" on whole numbers (cpus: 2, not 2.0). Negative zero keeps it:
// "-0" would read back as the int 0.
std::string go_float(std::string s) {
    if (s.ends_with(".0") && s != "-0.0") s.resize(s.size() - 2);
    return s;
}

void emit(YAML::Emitter& e, const json& v);

void emit_entry(YAML::Emitter& e, const std::string& key, const json& value) {
    e << YAML::Key;
    emit_text(e, key);
    e << YAML::Value;
    emit(e, value);
}

void emit(YAML::Emitter& e, const json& v) {
    switch (v.type()) {
        case json::value_t::object:
            if (v.empty()) e << YAML::Flow;
            e << YAML::BeginMap;
            for (auto it = v.begin(); it != v.end(); ++it) emit_entry(e, it.key(), it.value());
            e << YAML::EndMap;
            break;
        case json::value_t::array:
            if (v.empty()) e << YAML::Flow;
            e << YAML::BeginSeq;
            for (const json& x : v) emit(e, x);
            e << YAML::EndSeq;
            break;
        case json::value_t::string: emit_string(e, v.get_ref<const std::string&>()); break;
        case json::value_t::boolean: e << v.get<bool>(); break;
        case json::value_t::null: e << YAML::Null; break;
        case json::value_t::number_float: e << go_float(v.dump()); break;
        default: e << v.dump(); break;  // ints
    }
}

std::string finish(YAML::Emitter& e) {
    if (!e.good()) throw Error("cannot write the model as YAML: " + e.GetLastError());
    std::string out(e.c_str(), e.size());
    out += '\n';
    return out;
}

void setup(YAML::Emitter& e) {
    e.SetIndent(2);
    e.SetNullFormat(YAML::LowerNull);
    e.SetBoolFormat(YAML::TrueFalseBool);
}

// docker compose's top-level order (compose-go's Project): then the x- extensions, sorted.
constexpr const char* kTopLevel[] = {"name", "services", "networks", "volumes", "secrets", "configs"};

// docker compose prints byte sizes as decimal strings ("268435456"); the JSON keeps ints.
void bytes_as_string(json& o, const char* key) {
    if (auto it = o.find(key); it != o.end() && it->is_number_integer()) *it = std::to_string(it->get<int64_t>());
}

void byte_sizes_as_strings(json& service) {
    for (const char* key : {"mem_limit", "mem_reservation", "memswap_limit", "shm_size"}) bytes_as_string(service, key);
    if (auto d = service.find("deploy"); d != service.end() && d->contains("resources"))
        for (auto& r : (*d)["resources"]) bytes_as_string(r, "memory");
    if (auto v = service.find("volumes"); v != service.end())
        for (json& m : *v)
            if (m.contains("tmpfs")) bytes_as_string(m["tmpfs"], "size");
}

}  // namespace

std::string to_yaml(const json& value) {
    YAML::Emitter e;
    setup(e);
    emit(e, value);
    return finish(e);
}

std::string project_to_yaml(const Project& project) {
    json model = project_to_json(project);
    for (auto& [name, service] : model["services"].items()) byte_sizes_as_strings(service);
    YAML::Emitter e;
    setup(e);
    e << YAML::BeginMap;
    for (const char* key : kTopLevel)
        if (auto it = model.find(key); it != model.end()) emit_entry(e, key, *it);
    for (auto it = model.begin(); it != model.end(); ++it)
        if (std::find(std::begin(kTopLevel), std::end(kTopLevel), it.key()) == std::end(kTopLevel))
            emit_entry(e, it.key(), it.value());
    e << YAML::EndMap;
    return finish(e);
}

}  // namespace ucompose
