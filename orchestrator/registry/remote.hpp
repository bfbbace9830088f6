// ucompose's side of remote unikernels: where pulls come from (ucrun's config, so ucompose and
// ucrun agree) and the entry name a reference installs as. The pull itself is
// runtime/registry/remote.hpp, shared with ucrun.
#pragma once
#include <string>

namespace ucompose::registry {

struct RemoteSettings {
    std::string root;          // the local registry
    std::string remote;        // "HOST[:PORT]/PREFIX", "" = none configured
    bool tls_verify = true;
    std::string skopeo = "skopeo";
};

// From /etc/ucrun/ucrun.json (or $UCRUN_CONFIG) and the UCRUN_* overrides.
RemoteSettings remote_settings();

// The last path component of an image reference without its tag or digest
// ("127.0.0.1:5000/u/redis-server:1.2" -> "redis-server"). Throws when that is not a valid
// registry name (say which name to give with --name).
std::string name_from_reference(const std::string& ref);

}  // namespace ucompose::registry
