// `features`: what ucrun (with its delegate) supports, in the runtime spec's features format.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ucrun {

// What the host's kernel offers, as far as the features document says.
struct HostSecurity {
    bool seccomp = false;   // /proc/self/status has a Seccomp field
    bool apparmor = false;  // /sys/module/apparmor/parameters/enabled is Y
    bool selinux = false;   // selinuxfs is mounted (/sys/fs/selinux/enforce)
};
HostSecurity probe_host_security();

// The document: the delegate's own `features` output when it has one (runc, which probes the host
// itself), else ucrun's description of crun's support with `host` saying what is enabled; ucrun
// adds its annotations either way. Pure.
nlohmann::json features_document(const std::optional<nlohmann::json>& delegate_features,
                                 const std::string& delegate_name, const HostSecurity& host = {});

}  // namespace ucrun
