// What a service mounts: volumes, secrets, configs, volumes_from, tmpfs.
#include <cstdio>

#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/units.hpp"

namespace ucompose {
namespace {

using namespace keys;

VolumeMount read_volume_long(const Value& v, const std::string& p, const KeyRead& r) {
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

void read_volumes(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    if (!v.is_seq()) throw_type(v, r.path(), "a list");
    for (const Value& m : v.seq) s.volumes.push_back(read_volume_long(m, r.path(), r));
}

// secrets: / configs: of a service: "name" or {source, target, uid, gid, mode, type}.
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
                else if (e.key == "type") {
                    r.type = read_string(e.value, kp);
                    if (*r.type != "mount" && *r.type != "env")
                        throw Error(e.value.pos, kp + " must be mount or env, not \"" + *r.type + "\"");
                }
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

nlohmann::json mount_json(const VolumeMount& m) {
    nlohmann::json o;
    o["type"] = to_string(m.type);
    put(o, "source", m.source);
    o["target"] = m.target;
    put(o, "read_only", m.read_only);
    put(o, "consistency", m.consistency);
    if (m.type == MountType::Bind) {
        nlohmann::json b;
        b["create_host_path"] = m.bind_create_host_path;
        put(b, "propagation", m.bind_propagation);
        put(b, "selinux", m.bind_selinux);
        o["bind"] = b;
    }
    if (m.volume_nocopy || m.volume_subpath) {
        nlohmann::json v = nlohmann::json::object();
        put(v, "nocopy", m.volume_nocopy);
        put(v, "subpath", m.volume_subpath);
        o["volume"] = v;
    }
    if (m.tmpfs_size || m.tmpfs_mode) {
        nlohmann::json t = nlohmann::json::object();
        put(t, "size", m.tmpfs_size);
        put(t, "mode", m.tmpfs_mode);
        o["tmpfs"] = t;
    }
    return o;
}

// volumes[].tmpfs.size.
void tmpfs_bytes(nlohmann::json& volumes) {
    for (nlohmann::json& m : volumes)
        if (m.contains("tmpfs"))
            if (auto size = m["tmpfs"].find("size"); size != m["tmpfs"].end()) whole_bytes(*size);
}

// secrets and configs: {source, target, uid, gid, mode}, the mode in octal ("0440").
Emitter emit_refs(std::vector<FileObjectRef> Service::*member) {
    return [member](const Service& s, nlohmann::json& out) {
        for (const FileObjectRef& r : s.*member) {
            nlohmann::json j = nlohmann::json::object();
            j["source"] = r.source;
            put(j, "target", r.target);
            put(j, "uid", r.uid);
            put(j, "gid", r.gid);
            put(j, "type", r.type);
            if (r.mode) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "0%o", *r.mode);
                j["mode"] = buf;
            }
            out.push_back(j);
        }
    };
}

}  // namespace

std::vector<ServiceKey> storage_keys() {
    using namespace merge_rule;
    return {
        {.name = "volumes", .normalize = shape::volumes, .merge = volumes_by_target, .read = read_volumes,
         .emit = [](const Service& s, nlohmann::json& out) {
             for (const auto& m : s.volumes) out.push_back(mount_json(m));
         },
         .bytes = tmpfs_bytes,
         .kube = kube_warned_if_set(4, &Service::volumes,
                                     "volumes and host paths are not converted (use PersistentVolumeClaims, "
                                     "ConfigMaps or Secrets)")},
        {.name = "secrets", .merge = secrets_by_target,
         .read = [](const Value& v, const KeyRead& r, Service& s) { s.secrets = read_file_object_refs(v, r.path()); },
         .emit = emit_refs(&Service::secrets),
         .kube = kube_warned_if_set(43, &Service::secrets, "use Kubernetes Secrets")},
        {.name = "configs", .merge = configs_by_target,
         .read = [](const Value& v, const KeyRead& r, Service& s) { s.configs = read_file_object_refs(v, r.path()); },
         .emit = emit_refs(&Service::configs),
         .kube = kube_warned_if_set(44, &Service::configs, "use ConfigMaps")},
        {.name = "volumes_from", .merge = append_unique, .read = into(&Service::volumes_from, read_string_list),
         .emit = from(&Service::volumes_from),
         .kube = kube_warned_if_set(5, &Service::volumes_from, "pods do not share volumes this way")},
        {.name = "tmpfs", .normalize = shape::one_or_many, .merge = append_unique,
         .read = into(&Service::tmpfs, read_string_list), .emit = from(&Service::tmpfs),
         .kube = kube_warned_if_set(6, &Service::tmpfs, "use an emptyDir volume with medium: Memory")},
        not_yet("volumes_from_options"),
    };
}

}  // namespace ucompose
