#include <algorithm>
#include <set>

#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/passthrough.hpp"
#include "orchestrator/model/dotenv.hpp"
#include "orchestrator/model/read_value.hpp"
#include "orchestrator/model/units.hpp"

namespace ucompose {
namespace {

struct Reader {
    const std::string& base;  // "services.web"
    const ConvertContext& ctx;

    std::string path(const std::string& key) const { return base + "." + key; }

    void warn_unknown(const Entry& e, const std::string& where) const {
        if (ctx.warn) ctx.warn(e.key_pos, where + ": unknown key '" + e.key + "', ignored");
    }
    void warn_unsupported(const Entry& e, const std::string& where) const {
        if (ctx.warn)
            ctx.warn(e.key_pos, where + ": '" + e.key + "' is not supported by ucompose yet, ignored");
    }
};

std::vector<std::string> read_command(const Value& v, const std::string& path) {
    if (v.is_null()) return {};
    if (v.is_scalar()) {
        auto words = shell_split(v.scalar);
        if (!words) throw Error(v.pos, path + ": unterminated quote in \"" + v.scalar + "\"");
        return *words;
    }
    return read_string_list(v, path);
}

void need_map(const Value& v, const std::string& path) {
    if (!v.is_map()) throw_type(v, path, "a mapping");
}

// secrets: / configs: of a service: "name" or {source, target, uid, gid, mode}.
std::vector<FileObjectRef> read_file_object_refs(const Value& v, const std::string& path) {
    std::vector<FileObjectRef> out;
    if (v.is_null()) return out;
    if (!v.is_seq()) throw_type(v, path, "a list");
    for (const Value& item : v.seq) {
        FileObjectRef r;
        r.where = item.pos;
        if (item.is_scalar()) {
            r.source = item.scalar;
        } else {
            need_map(item, path + "[]");
            for (const Entry& e : item.map) {
                const std::string kp = path + "." + e.key;
                if (e.key == "source") r.source = read_string(e.value, kp);
                else if (e.key == "target") r.target = read_string(e.value, kp);
                else if (e.key == "uid") r.uid = read_string(e.value, kp);
                else if (e.key == "gid") r.gid = read_string(e.value, kp);
                else if (e.key == "mode") {
                    // YAML 1.1 octal (0440), YAML 1.2 octal (0o440), or a decimal number.
                    const std::string m = read_string(e.value, kp);
                    std::string digits = m.rfind("0o", 0) == 0 ? "0" + m.substr(2) : m;
                    char* end = nullptr;
                    long n = std::strtol(digits.c_str(), &end, digits.size() > 1 && digits[0] == '0' ? 8 : 10);
                    if (m.empty() || *end || n < 0 || n > 07777)
                        throw Error(e.value.pos, kp + " must be a file mode like 0440, not \"" + m + "\"");
                    r.mode = static_cast<int>(n);
                } else {
                    throw Error(e.key_pos, path + ": unknown key '" + e.key + "'");
                }
            }
        }
        if (r.source.empty()) throw Error(item.pos, path + ": an entry needs a source");
        out.push_back(std::move(r));
    }
    return out;
}

BuildConfig read_build(const Value& v, const Reader& r) {
    const std::string p = r.path("build");
    need_map(v, p);
    BuildConfig b;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "context") b.context = read_string(x, kp);
        else if (e.key == "dockerfile") b.dockerfile = read_string(x, kp);
        else if (e.key == "dockerfile_inline") b.dockerfile_inline = read_string(x, kp);
        else if (e.key == "target") b.target = read_string(x, kp);
        else if (e.key == "network") b.network = read_string(x, kp);
        else if (e.key == "shm_size") b.shm_size = read_string(x, kp);
        else if (e.key == "labels") b.labels = read_string_map(x, kp);
        else if (e.key == "cache_from") b.cache_from = read_string_list(x, kp);
        else if (e.key == "tags") b.tags = read_string_list(x, kp);
        else if (e.key == "no_cache") b.no_cache = read_bool(x, kp);
        else if (e.key == "pull") b.pull = read_bool(x, kp);
        else if (e.key == "args") {
            need_map(x, kp);
            for (const Entry& a : x.map) {
                if (a.value.is_null()) b.args[a.key] = std::nullopt;
                else b.args[a.key] = read_string(a.value, kp + "." + a.key);
            }
        } else if (e.key.rfind("x-", 0) == 0) {
        } else if (e.key == "cache_to" || e.key == "extra_hosts" || e.key == "isolation" ||
                   e.key == "privileged" || e.key == "secrets" || e.key == "ssh" ||
                   e.key == "platforms" || e.key == "additional_contexts" || e.key == "ulimits" ||
                   e.key == "entitlements") {
            r.warn_unsupported(e, p);
        } else {
            r.warn_unknown(e, p);
        }
    }
    return b;
}

DependsOn read_dependency(const Entry& e, const std::string& p, const Reader& r) {
    DependsOn d;
    d.where = e.key_pos;
    const Value& v = e.value;
    if (v.is_null()) return d;
    need_map(v, p);
    for (const Entry& f : v.map) {
        const std::string kp = p + "." + f.key;
        if (f.key == "condition") {
            std::string c = read_string(f.value, kp);
            if (c == "service_started") d.condition = DependCondition::Started;
            else if (c == "service_healthy") d.condition = DependCondition::Healthy;
            else if (c == "service_completed_successfully")
                d.condition = DependCondition::CompletedSuccessfully;
            else
                throw Error(f.value.pos, kp + " must be service_started, service_healthy or "
                                              "service_completed_successfully, not \"" + c + "\"");
        } else if (f.key == "required") {
            d.required = read_bool(f.value, kp);
        } else if (f.key == "restart") {
            d.restart = read_bool(f.value, kp);
        } else {
            r.warn_unknown(f, p);
        }
    }
    return d;
}

Healthcheck read_healthcheck(const Value& v, const Reader& r) {
    const std::string p = r.path("healthcheck");
    need_map(v, p);
    Healthcheck h;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "test") {
            if (x.is_scalar()) {
                h.test = {"CMD-SHELL", x.scalar};
            } else {
                h.test = read_string_list(x, kp);
                if (h.test.empty()) continue;
                const std::string& kind = h.test[0];
                if (kind != "CMD" && kind != "CMD-SHELL" && kind != "NONE")
                    throw Error(x.pos, kp + " must start with \"CMD\", \"CMD-SHELL\" or \"NONE\"");
                if (kind == "NONE") h.disable = true;
            }
        } else if (e.key == "interval") h.interval = read_duration(x, kp);
        else if (e.key == "timeout") h.timeout = read_duration(x, kp);
        else if (e.key == "start_period") h.start_period = read_duration(x, kp);
        else if (e.key == "start_interval") h.start_interval = read_duration(x, kp);
        else if (e.key == "retries") {
            int64_t n = read_int(x, kp);
            if (n < 0 || n > 1000000) throw_type(x, kp, "a non-negative integer");
            h.retries = static_cast<int>(n);
        } else if (e.key == "disable") {
            if (read_bool(x, kp)) h.disable = true;
        } else if (e.key.rfind("x-", 0) != 0) {
            r.warn_unknown(e, p);
        }
    }
    return h;
}

Port read_port_long(const Value& v, const std::string& p, const Reader& r) {
    need_map(v, p);
    Port port;
    bool have_target = false;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "target") {
            port.target = read_port(x, kp);
            have_target = true;
        } else if (e.key == "published") {
            if (!x.is_null()) port.published = read_string(x, kp);
        } else if (e.key == "host_ip") port.host_ip = read_string(x, kp);
        else if (e.key == "protocol") port.protocol = read_string(x, kp);
        else if (e.key == "mode") port.mode = read_string(x, kp);
        else if (e.key == "name") port.name = read_string(x, kp);
        else if (e.key == "app_protocol") port.app_protocol = read_string(x, kp);
        else if (e.key.rfind("x-", 0) != 0) r.warn_unknown(e, p);
    }
    if (!have_target) throw Error(v.pos, p + " needs a 'target' port");
    return port;
}

VolumeMount read_volume_long(const Value& v, const std::string& p, const Reader& r) {
    need_map(v, p);
    VolumeMount m;
    bool have_type = false, have_target = false;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "type") {
            std::string t = read_string(x, kp);
            have_type = true;
            if (t == "volume") m.type = MountType::Volume;
            else if (t == "bind") m.type = MountType::Bind;
            else if (t == "tmpfs") m.type = MountType::Tmpfs;
            else if (t == "npipe") m.type = MountType::Npipe;
            else if (t == "cluster") m.type = MountType::Cluster;
            else throw Error(x.pos, kp + " must be volume, bind, tmpfs, npipe or cluster, not \"" + t + "\"");
        } else if (e.key == "source") {
            if (!x.is_null()) m.source = read_string(x, kp);
        } else if (e.key == "target") {
            m.target = read_string(x, kp);
            have_target = true;
        } else if (e.key == "read_only") m.read_only = read_bool(x, kp);
        else if (e.key == "consistency") m.consistency = read_string(x, kp);
        else if (e.key == "bind") {
            need_map(x, kp);
            for (const Entry& b : x.map) {
                const std::string bp = kp + "." + b.key;
                if (b.key == "propagation") m.bind_propagation = read_string(b.value, bp);
                else if (b.key == "create_host_path") m.bind_create_host_path = read_bool(b.value, bp);
                else if (b.key == "selinux") m.bind_selinux = read_string(b.value, bp);
                else r.warn_unknown(b, kp);
            }
        } else if (e.key == "volume") {
            need_map(x, kp);
            for (const Entry& b : x.map) {
                const std::string bp = kp + "." + b.key;
                if (b.key == "nocopy") m.volume_nocopy = read_bool(b.value, bp);
                else if (b.key == "subpath") m.volume_subpath = read_string(b.value, bp);
                else r.warn_unknown(b, kp);
            }
        } else if (e.key == "tmpfs") {
            need_map(x, kp);
            for (const Entry& b : x.map) {
                const std::string bp = kp + "." + b.key;
                if (b.key == "size") m.tmpfs_size = read_bytes(b.value, bp);
                else if (b.key == "mode") {
                    int64_t mode = read_int(b.value, bp);
                    if (mode < 0 || mode > 07777) throw_type(b.value, bp, "a file mode");
                    m.tmpfs_mode = static_cast<uint32_t>(mode);
                } else r.warn_unknown(b, kp);
            }
        } else if (e.key.rfind("x-", 0) != 0) {
            r.warn_unknown(e, p);
        }
    }
    if (!have_type) throw Error(v.pos, p + " needs a 'type'");
    if (!have_target || m.target.empty()) throw Error(v.pos, p + " needs a 'target'");
    if (m.type == MountType::Bind && !m.source) throw Error(v.pos, p + ": a bind mount needs a 'source'");
    return m;
}

NetworkAttachment read_attachment(const Value& v, const std::string& p, const Reader& r) {
    NetworkAttachment a;
    if (v.is_null()) return a;
    need_map(v, p);
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        if (e.key == "aliases") a.aliases = read_string_list(e.value, kp);
        else if (e.key == "ipv4_address") a.ipv4_address = read_string(e.value, kp);
        else if (e.key == "ipv6_address") a.ipv6_address = read_string(e.value, kp);
        else if (e.key == "mac_address") a.mac_address = read_string(e.value, kp);
        else if (e.key == "priority") a.priority = static_cast<int>(read_int(e.value, kp));
        else if (e.key == "link_local_ips" || e.key == "driver_opts" || e.key == "gw_priority")
            r.warn_unsupported(e, p);
        else if (e.key.rfind("x-", 0) != 0) r.warn_unknown(e, p);
    }
    return a;
}

ResourceSpec read_resources(const Value& v, const std::string& p, const Reader& r) {
    ResourceSpec s;
    if (v.is_null()) return s;
    need_map(v, p);
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        if (e.key == "cpus") s.cpus = read_double(e.value, kp);
        else if (e.key == "memory") s.memory = read_bytes(e.value, kp);
        else if (e.key == "pids") s.pids = read_int(e.value, kp);
        else if (e.key == "devices" || e.key == "generic_resources") r.warn_unsupported(e, p);
        else r.warn_unknown(e, p);
    }
    return s;
}

Deploy read_deploy(const Value& v, const Reader& r) {
    const std::string p = r.path("deploy");
    Deploy d;
    if (v.is_null()) return d;
    need_map(v, p);
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "replicas") d.replicas = static_cast<int>(read_int(x, kp));
        else if (e.key == "labels") d.labels = read_string_map(x, kp);
        else if (e.key == "resources") {
            if (x.is_null()) continue;
            need_map(x, kp);
            for (const Entry& f : x.map) {
                if (f.key == "limits") d.limits = read_resources(f.value, kp + ".limits", r);
                else if (f.key == "reservations")
                    d.reservations = read_resources(f.value, kp + ".reservations", r);
                else r.warn_unknown(f, kp);
            }
        } else if (e.key == "restart_policy") {
            if (x.is_null()) continue;
            need_map(x, kp);
            for (const Entry& f : x.map) {
                const std::string fp = kp + "." + f.key;
                if (f.key == "condition") d.restart_policy_condition = read_string(f.value, fp);
                else if (f.key == "max_attempts")
                    d.restart_policy_max_attempts = static_cast<int>(read_int(f.value, fp));
                else if (f.key == "delay" || f.key == "window") r.warn_unsupported(f, kp);
                else r.warn_unknown(f, kp);
            }
        } else if (e.key == "mode" || e.key == "endpoint_mode" || e.key == "placement" ||
                   e.key == "update_config" || e.key == "rollback_config") {
            r.warn_unsupported(e, p);
        } else if (e.key.rfind("x-", 0) != 0) {
            r.warn_unknown(e, p);
        }
    }
    return d;
}

Logging read_logging(const Value& v, const Reader& r) {
    const std::string p = r.path("logging");
    Logging l;
    if (v.is_null()) return l;
    need_map(v, p);
    for (const Entry& e : v.map) {
        if (e.key == "driver") l.driver = read_string(e.value, p + ".driver");
        else if (e.key == "options") l.options = read_string_map(e.value, p + ".options");
        else r.warn_unknown(e, p);
    }
    return l;
}

std::map<std::string, Ulimit> read_ulimits(const Value& v, const Reader& r) {
    const std::string p = r.path("ulimits");
    std::map<std::string, Ulimit> out;
    if (v.is_null()) return out;
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
        out[e.key] = u;
    }
    return out;
}

UcomposeExt read_ucompose(const Value& v, const Reader& r) {
    const std::string p = r.path("x-ucompose");
    UcomposeExt x;
    if (v.is_null()) return x;
    need_map(v, p);
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        if (e.key == "unikernel") x.unikernel = read_string(e.value, kp);
        else if (e.key == "runtime") x.runtime = read_string(e.value, kp);
        else if (e.key == "probe_tcp") x.probe_tcp = read_port(e.value, kp);
        else if (e.key == "probe_http") {
            std::string s = read_string(e.value, kp);
            size_t slash = s.find('/');
            HttpProbe h;
            h.port = read_port(Value::make_scalar(s.substr(0, slash), e.value.pos), kp + " port");
            if (slash != std::string::npos) h.path = s.substr(slash);
            x.probe_http = h;
        } else {
            r.warn_unknown(e, p);
        }
    }
    return x;
}

// env_file entries in order, then `environment` on top; bare keys from the project env.
void build_environment(Service& s, const Value* env_file, const Value* environment,
                       const Reader& r) {
    const ConvertContext& ctx = r.ctx;
    auto resolve_bare = [&](const std::string& key) -> std::optional<std::string> {
        return ctx.environment ? ctx.environment(key) : std::nullopt;
    };
    if (env_file && !env_file->is_null()) {
        const std::string p = r.path("env_file");
        if (!env_file->is_seq()) throw_type(*env_file, p, "a string or a list");
        for (const Value& item : env_file->seq) {
            need_map(item, p);
            EnvFile ef;
            for (const Entry& e : item.map) {
                if (e.key == "path") ef.path = read_string(e.value, p + ".path");
                else if (e.key == "required") ef.required = read_bool(e.value, p + ".required");
                else if (e.key == "format") ef.format = read_string(e.value, p + ".format");
                else r.warn_unknown(e, p);
            }
            s.env_file.push_back(ef);
            std::optional<std::string> text = ctx.read_file ? ctx.read_file(ef.path) : std::nullopt;
            if (!text) {
                if (ef.required) throw Error(item.pos, "env file " + ef.path + " not found");
                continue;
            }
            for (DotenvEntry& d : parse_dotenv(*text, ef.path, ctx.environment, ctx.unset,
                                               DotenvLookupOrder::EarlierFirst)) {
                s.environment[d.key] = d.value ? d.value : resolve_bare(d.key);
            }
        }
    }
    if (environment && !environment->is_null()) {
        const std::string p = r.path("environment");
        need_map(*environment, p);
        for (const Entry& e : environment->map) {
            if (e.value.is_null()) s.environment[e.key] = resolve_bare(e.key);
            else s.environment[e.key] = read_string(e.value, p + "." + e.key);
        }
    }
}

// Spec keys that ucompose does not carry yet.
const std::set<std::string>& unsupported_service_keys() {
    static const std::set<std::string> keys = {
        "blkio_config", "cpu_count", "cpu_percent", "credential_spec", "develop", "external_links",
        "gpus", "isolation", "label_file", "use_api_socket", "attach", "models", "provider",
        "post_start", "pre_stop", "volumes_from_options",
    };
    return keys;
}

}  // namespace

Service convert_service(const std::string& name, const Value& v, const Position& key_pos,
                        const ConvertContext& ctx) {
    const std::string base = "services." + name;
    Reader r{base, ctx};
    need_map(v, base);
    Service s;
    s.name = name;
    s.key_positions[""] = key_pos;
    for (const Entry& e : v.map) {
        const std::string kp = base + "." + e.key;
        const Value& x = e.value;
        const std::string& k = e.key;
        s.key_positions[k] = e.key_pos;
        if (k == "image") s.image = read_string(x, kp);
        else if (k == "build") s.build = read_build(x, r);
        else if (k == "command") s.command = read_command(x, kp);
        else if (k == "entrypoint") s.entrypoint = read_command(x, kp);
        else if (k == "environment" || k == "env_file") {
        }  // below, together
        else if (k == "depends_on") {
            if (x.is_null()) continue;
            need_map(x, kp);
            for (const Entry& d : x.map) s.depends_on[d.key] = read_dependency(d, kp + "." + d.key, r);
        } else if (k == "healthcheck") s.healthcheck = read_healthcheck(x, r);
        else if (k == "ports") {
            if (x.is_null()) continue;
            if (!x.is_seq()) throw_type(x, kp, "a list");
            for (const Value& p : x.seq) s.ports.push_back(read_port_long(p, kp, r));
        } else if (k == "expose") s.expose = read_string_list(x, kp);
        else if (k == "volumes") {
            if (x.is_null()) continue;
            if (!x.is_seq()) throw_type(x, kp, "a list");
            for (const Value& m : x.seq) s.volumes.push_back(read_volume_long(m, kp, r));
        } else if (k == "volumes_from") s.volumes_from = read_string_list(x, kp);
        else if (k == "networks") {
            if (x.is_null()) continue;
            need_map(x, kp);
            for (const Entry& n : x.map) s.networks[n.key] = read_attachment(n.value, kp + "." + n.key, r);
        } else if (k == "network_mode") s.network_mode = read_string(x, kp);
        else if (k == "restart") {
            std::string pol = read_string(x, kp);
            bool ok = pol == "no" || pol == "always" || pol == "unless-stopped" ||
                      pol == "on-failure" || pol.rfind("on-failure:", 0) == 0;
            if (!ok)
                throw Error(x.pos, kp + " must be no, always, on-failure[:max] or unless-stopped, not \"" + pol + "\"");
            s.restart = pol;
        } else if (k == "labels") s.labels = read_string_map(x, kp);
        else if (k == "annotations") s.annotations = read_string_map(x, kp);
        else if (k == "container_name") s.container_name = read_string(x, kp);
        else if (k == "hostname") s.hostname = read_string(x, kp);
        else if (k == "domainname") s.domainname = read_string(x, kp);
        else if (k == "init") s.init = read_bool(x, kp);
        else if (k == "user") s.user = read_string(x, kp);
        else if (k == "working_dir") s.working_dir = read_string(x, kp);
        else if (k == "mem_limit") s.mem_limit = read_bytes(x, kp);
        else if (k == "mem_reservation") s.mem_reservation = read_bytes(x, kp);
        else if (k == "memswap_limit")
            s.memswap_limit = (x.is_scalar() && x.scalar == "-1") ? -1 : read_bytes(x, kp);
        else if (k == "cpus") s.cpus = read_double(x, kp);
        else if (k == "pids_limit") s.pids_limit = read_int(x, kp);
        else if (k == "shm_size") s.shm_size = read_bytes(x, kp);
        else if (k == "deploy") s.deploy = read_deploy(x, r);
        else if (k == "stop_signal") s.stop_signal = read_string(x, kp);
        else if (k == "stop_grace_period") s.stop_grace_period = read_duration(x, kp);
        else if (k == "runtime") s.runtime = read_string(x, kp);
        else if (k == "platform") s.platform = read_string(x, kp);
        else if (k == "cap_add") s.cap_add = read_string_list(x, kp);
        else if (k == "cap_drop") s.cap_drop = read_string_list(x, kp);
        else if (k == "devices") {
            if (x.is_seq()) {
                for (const Value& d : x.seq) {
                    if (d.is_map()) {  // long form {source, target, permissions}
                        std::string dev = read_string(d.find("source") ? *d.find("source") : d, kp + ".source");
                        if (const Value* t = d.find("target")) dev += ":" + read_string(*t, kp + ".target");
                        if (const Value* pm = d.find("permissions")) dev += ":" + read_string(*pm, kp + ".permissions");
                        s.devices.push_back(dev);
                    } else {
                        s.devices.push_back(read_string(d, kp));
                    }
                }
            } else {
                s.devices = read_string_list(x, kp);
            }
        } else if (k == "tmpfs") s.tmpfs = read_string_list(x, kp);
        else if (k == "read_only") s.read_only = read_bool(x, kp);
        else if (k == "privileged") s.privileged = read_bool(x, kp);
        else if (k == "tty") s.tty = read_bool(x, kp);
        else if (k == "stdin_open") s.stdin_open = read_bool(x, kp);
        else if (k == "extra_hosts") s.extra_hosts = read_string_list(x, kp);
        else if (k == "dns") s.dns = read_string_list(x, kp);
        else if (k == "dns_search") s.dns_search = read_string_list(x, kp);
        else if (k == "dns_opt") s.dns_opt = read_string_list(x, kp);
        else if (k == "security_opt") s.security_opt = read_string_list(x, kp);
        else if (k == "group_add") s.group_add = read_string_list(x, kp);
        else if (k == "links") s.links = read_string_list(x, kp);
        else if (k == "sysctls") s.sysctls = read_string_map(x, kp);
        else if (k == "ulimits") s.ulimits = read_ulimits(x, r);
        else if (k == "pid") s.pid = read_string(x, kp);
        else if (k == "ipc") s.ipc = read_string(x, kp);
        else if (k == "logging") s.logging = read_logging(x, r);
        else if (k == "scale") {
            int64_t n = read_int(x, kp);
            if (n < 0) throw_type(x, kp, "a non-negative integer");
            s.scale = static_cast<int>(n);
        } else if (k == "pull_policy") {
            std::string pp = read_string(x, kp);
            bool ok = pp == "always" || pp == "never" || pp == "missing" || pp == "if_not_present" ||
                      pp == "build" || pp == "daily" || pp == "weekly" || pp.rfind("every_", 0) == 0;
            if (!ok) throw Error(x.pos, kp + " must be always, never, missing or build, not \"" + pp + "\"");
            s.pull_policy = pp;
        } else if (k == "profiles") s.profiles = read_string_list(x, kp);
        else if (k == "x-ucompose") s.ucompose = read_ucompose(x, r);
        else if (const PassKey* pk = find_passthrough(k)) {
            std::vector<std::string>& out = s.passthrough[k];
            switch (pk->kind) {
            case PassKind::Int: out = {std::to_string(read_int(x, kp))}; break;
            case PassKind::String: out = {read_string(x, kp)}; break;
            case PassKind::Bool:
                if (read_bool(x, kp)) out = {"true"};
                break;
            case PassKind::List: out = read_string_list(x, kp); break;
            case PassKind::Map:
                for (const auto& [mk, mv] : read_string_map(x, kp)) out.push_back(mk + "=" + mv);
                break;
            }
            if (out.empty()) s.passthrough.erase(k);
        } else if (k == "secrets") s.secrets = read_file_object_refs(x, kp);
        else if (k == "configs") s.configs = read_file_object_refs(x, kp);
        else if (k.rfind("x-", 0) == 0) s.extensions[k] = to_json(x);
        else if (k == "extends") {
        }  // resolved before
        else if (unsupported_service_keys().count(k)) r.warn_unsupported(e, base);
        else r.warn_unknown(e, base);
    }
    build_environment(s, v.find("env_file"), v.find("environment"), r);
    if (!s.image && !s.build)
        throw Error(key_pos, base + " has neither an image nor a build context specified");
    return s;
}

}  // namespace ucompose
