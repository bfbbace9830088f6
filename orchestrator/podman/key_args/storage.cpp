// The podman arguments of what a service mounts (orchestrator/model/keys/storage.cpp).
#include <cstdio>

#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

// A named volume's source is its top-level key: spec.volumes gives its real name.
void add_mount(sys::Argv& a, const VolumeMount& m, const std::map<std::string, std::string>& volumes) {
    switch (m.type) {
    case MountType::Tmpfs: {
        std::string s = "type=tmpfs,destination=" + m.target;
        if (m.tmpfs_size) s += ",tmpfs-size=" + std::to_string(*m.tmpfs_size);
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

// file_object_args() turns secrets and configs into spec.file_binds (-v, both kinds) and
// spec.secrets (--secret, external secrets); they are written here, with the secrets.
void secrets_argv(const Service&, const ContainerSpec& spec, sys::Argv& a) {
    for (const auto& b : spec.file_binds) add(a, "-v", b);
    for (const auto& x : spec.secrets) add(a, "--secret", x);
}

}  // namespace

std::vector<KeyArgs> storage_args() {
    return {
        {.key = "volumes",
         .write = [](const Service& s, const ContainerSpec& spec, sys::Argv& a) {
             for (const auto& m : s.volumes) add_mount(a, m, spec.volumes);
         }},
        {.key = "secrets", .write = secrets_argv},
        no_args("configs", "its binds are in spec.file_binds, written with the secrets"),
        // spec.volumes_from: service:x resolved to x's container name.
        {.key = "volumes_from",
         .write = [](const Service&, const ContainerSpec& spec, sys::Argv& a) {
             for (const auto& v : spec.volumes_from) add(a, "--volumes-from", v);
         }},
        {.key = "tmpfs", .write = each("--tmpfs", &Service::tmpfs)},
    };
}

}  // namespace ucompose
