#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/name_rules.hpp"
#include "orchestrator/model/read_value.hpp"

namespace ucompose {
namespace {

void warn_key(const ConvertContext& ctx, const Entry& e, const std::string& where,
              const std::string& what) {
    if (ctx.warn) ctx.warn(e.key_pos, where + ": " + what);
}

bool read_external(const Value& v, const std::string& p, std::optional<std::string>& legacy_name) {
    if (v.is_map()) {  // legacy `external: {name: x}`
        if (const Value* n = v.find("name")) legacy_name = read_string(*n, p + ".name");
        return true;
    }
    return read_bool(v, p);
}

NetworkDef read_network(const std::string& key, const Value& v, const std::string& project,
                        const ConvertContext& ctx) {
    const std::string p = "networks." + key;
    NetworkDef n;
    std::optional<std::string> name;
    if (!v.is_null()) {
        if (!v.is_map()) throw_type(v, p, "a mapping");
        for (const Entry& e : v.map) {
            const std::string kp = p + "." + e.key;
            const Value& x = e.value;
            if (e.key == "name") name = read_string(x, kp);
            else if (e.key == "driver") n.driver = read_string(x, kp);
            else if (e.key == "driver_opts") n.driver_opts = read_string_map(x, kp);
            else if (e.key == "external") n.external = read_external(x, kp, name);
            else if (e.key == "internal") n.internal = read_bool(x, kp);
            else if (e.key == "enable_ipv6") n.enable_ipv6 = read_bool(x, kp);
            else if (e.key == "attachable") read_bool(x, kp);
            else if (e.key == "labels") {
                Value copy = x;
                if (copy.is_seq()) {
                    for (const Value& item : copy.seq) {
                        std::string s = read_string(item, kp);
                        size_t eq = s.find('=');
                        n.labels[s.substr(0, eq)] = eq == std::string::npos ? "" : s.substr(eq + 1);
                    }
                } else {
                    n.labels = read_string_map(x, kp);
                }
            } else if (e.key == "ipam") {
                if (x.is_null()) continue;
                if (!x.is_map()) throw_type(x, kp, "a mapping");
                for (const Entry& f : x.map) {
                    const std::string fp = kp + "." + f.key;
                    if (f.key == "driver") n.ipam_driver = read_string(f.value, fp);
                    else if (f.key == "config") {
                        if (f.value.is_null()) continue;
                        if (!f.value.is_seq()) throw_type(f.value, fp, "a list");
                        for (const Value& pool : f.value.seq) {
                            if (!pool.is_map()) throw_type(pool, fp + " items", "mappings");
                            IpamPool ip;
                            for (const Entry& g : pool.map) {
                                const std::string gp = fp + "." + g.key;
                                if (g.key == "subnet") ip.subnet = read_string(g.value, gp);
                                else if (g.key == "gateway") ip.gateway = read_string(g.value, gp);
                                else if (g.key == "ip_range") ip.ip_range = read_string(g.value, gp);
                                else if (g.key == "aux_addresses")
                                    warn_key(ctx, g, fp, "'aux_addresses' is not supported by ucompose yet, ignored");
                                else warn_key(ctx, g, fp, "unknown key '" + g.key + "', ignored");
                            }
                            n.ipam_config.push_back(ip);
                        }
                    } else if (f.key == "options") {
                        warn_key(ctx, f, kp, "'options' is not supported by ucompose yet, ignored");
                    } else {
                        warn_key(ctx, f, kp, "unknown key '" + f.key + "', ignored");
                    }
                }
            } else if (e.key.rfind("x-", 0) == 0) n.extensions[e.key] = to_json(x);
            else warn_key(ctx, e, p, "unknown key '" + e.key + "', ignored");
        }
    }
    n.name = name ? *name : (n.external ? key : project + "_" + key);
    return n;
}

VolumeDef read_volume(const std::string& key, const Value& v, const std::string& project,
                      const ConvertContext& ctx) {
    const std::string p = "volumes." + key;
    VolumeDef d;
    std::optional<std::string> name;
    if (!v.is_null()) {
        if (!v.is_map()) throw_type(v, p, "a mapping");
        for (const Entry& e : v.map) {
            const std::string kp = p + "." + e.key;
            const Value& x = e.value;
            if (e.key == "name") name = read_string(x, kp);
            else if (e.key == "driver") d.driver = read_string(x, kp);
            else if (e.key == "driver_opts") d.driver_opts = read_string_map(x, kp);
            else if (e.key == "external") d.external = read_external(x, kp, name);
            else if (e.key == "labels") {
                if (x.is_seq()) {
                    for (const Value& item : x.seq) {
                        std::string s = read_string(item, kp);
                        size_t eq = s.find('=');
                        d.labels[s.substr(0, eq)] = eq == std::string::npos ? "" : s.substr(eq + 1);
                    }
                } else {
                    d.labels = read_string_map(x, kp);
                }
            } else if (e.key.rfind("x-", 0) == 0) d.extensions[e.key] = to_json(x);
            else warn_key(ctx, e, p, "unknown key '" + e.key + "', ignored");
        }
    }
    d.name = name ? *name : (d.external ? key : project + "_" + key);
    return d;
}

// A top-level secret or config: file (made absolute by normalize), or external (secrets).
FileObjectDef read_file_object(const Entry& e, const char* kind, const ConvertContext& ctx) {
    const std::string p = std::string(kind) + "s." + e.key;
    const Value& v = e.value;
    FileObjectDef d;
    d.name = e.key;
    if (!v.is_map()) throw_type(v, p, "a mapping");
    std::optional<std::string> name;
    for (const Entry& f : v.map) {
        const std::string kp = p + "." + f.key;
        if (f.key == "file") d.file = read_string(f.value, kp);
        else if (f.key == "external") d.external = read_bool(f.value, kp);
        else if (f.key == "name") name = read_string(f.value, kp);
        else if (f.key == "environment" || f.key == "content")
            throw Error(f.key_pos, p + ": '" + f.key + "' " + kind +
                                       "s are not supported by ucompose yet; use file: (bind-mounted read-only)");
        else if (f.key == "labels" || f.key == "driver" || f.key == "driver_opts" || f.key == "template_driver")
            warn_key(ctx, f, p, "'" + f.key + "' has no meaning without swarm, ignored");
        else if (f.key.rfind("x-", 0) == 0) continue;
        else warn_key(ctx, f, p, "unknown key '" + f.key + "', ignored");
    }
    if (d.external && std::string(kind) == "config")
        throw Error(e.key_pos, p + ": external configs need swarm; podman has none (use file:)");
    if (d.external && d.file) throw Error(e.key_pos, p + ": external and file cannot both be set");
    if (!d.external && !d.file) throw Error(e.key_pos, p + " needs file: (or external: true for a podman secret)");
    if (name && d.external) d.name = *name;
    return d;
}

// The compose spec's pattern for the keys under services:, networks: and volumes:. A key becomes
// part of container, network and volume names, so "../../etc" or "a b" stops here, with its place.
void check_key_name(const Entry& e, const char* what) {
    if (!is_compose_key_name(e.key))
        throw Error(e.key_pos, std::string("invalid ") + what + " name '" + e.key +
                                   "': only letters, digits, '.', '_' and '-' are allowed");
}

}  // namespace

void convert_document(const Value& doc, const std::string& project_name, const ConvertContext& ctx,
                      Project& out) {
    for (const Entry& e : doc.map) {
        const Value& x = e.value;
        if (e.key == "services") {
            if (x.is_null()) continue;
            if (!x.is_map()) throw_type(x, "services", "a mapping");
            for (const Entry& s : x.map) {
                check_key_name(s, "service");
                out.services[s.key] = convert_service(s.key, s.value, s.key_pos, ctx);
            }
        } else if (e.key == "networks") {
            if (x.is_null()) continue;
            if (!x.is_map()) throw_type(x, "networks", "a mapping");
            for (const Entry& n : x.map) {
                check_key_name(n, "network");
                out.networks[n.key] = read_network(n.key, n.value, project_name, ctx);
            }
        } else if (e.key == "volumes") {
            if (x.is_null()) continue;
            if (!x.is_map()) throw_type(x, "volumes", "a mapping");
            for (const Entry& v : x.map) {
                check_key_name(v, "volume");
                out.volumes[v.key] = read_volume(v.key, v.value, project_name, ctx);
            }
        } else if (e.key == "name") {
            // handled by the loader
        } else if (e.key == "version") {
            warn_key(ctx, e, "version", "the attribute `version` is obsolete, it will be ignored");
        } else if (e.key.rfind("x-", 0) == 0) {
            out.extensions[e.key] = to_json(x);
        } else if (e.key == "secrets" || e.key == "configs") {
            if (x.is_null()) continue;
            if (!x.is_map()) throw_type(x, e.key, "a mapping");
            const char* kind = e.key == "secrets" ? "secret" : "config";
            auto& defs = e.key == "secrets" ? out.secrets : out.configs;
            for (const Entry& d : x.map) {
                check_key_name(d, kind);
                defs[d.key] = read_file_object(d, kind, ctx);
            }
        } else if (e.key == "models") {
            warn_key(ctx, e, e.key, "'" + e.key + "' is not supported by ucompose yet, ignored");
        } else {
            warn_key(ctx, e, "(root)", "unknown key '" + e.key + "', ignored");
        }
    }
}

}  // namespace ucompose
