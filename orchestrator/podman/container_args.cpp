#include "orchestrator/podman/container_args.hpp"

#include <cstdio>

#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {

using args::add;

std::string go_duration(Duration d) {
    using namespace std::chrono;
    auto ns = d.count();
    if (ns == 0) return "0s";
    if (ns % 1'000'000'000 == 0) return std::to_string(ns / 1'000'000'000) + "s";
    if (ns % 1'000'000 == 0) return std::to_string(ns / 1'000'000) + "ms";
    if (ns % 1'000 == 0) return std::to_string(ns / 1'000) + "us";
    return std::to_string(ns) + "ns";
}

// --name and the engine's run options, then each service key's args in key_args()'s order, then
// the image and the command.
sys::Argv container_args(const Service& s, const ContainerSpec& spec) {
    sys::Argv a;
    add(a, "--name", spec.name);
    if (spec.remove) a.push_back("--rm");
    if (spec.detach) a.push_back("-d");
    if (spec.pull) a.push_back("--pull=" + *spec.pull);
    if (spec.runtime) add(a, "--runtime", *spec.runtime);
    for (const KeyArgs& key : key_args())
        if (key.write) key.write(s, spec, a);
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
            std::string v = d.name + ",type=" + r.type.value_or("mount") + ",target=" + target;
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
