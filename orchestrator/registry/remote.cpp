#include "orchestrator/registry/remote.hpp"

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/oci/config.hpp"

namespace ucompose::registry {

RemoteSettings remote_settings() {
    ucrun::Config c = ucrun::load_config(ucrun::current_env());
    return {c.registry, c.remote_registry, c.remote_tls_verify, c.skopeo};
}

std::string name_from_reference(const std::string& ref) {
    std::string r = ref;
    if (auto scheme = r.find("://"); scheme != std::string::npos) r.erase(0, scheme + 3);
    if (auto at = r.find('@'); at != std::string::npos) r.erase(at);
    auto slash = r.rfind('/');
    std::string last = slash == std::string::npos ? r : r.substr(slash + 1);
    if (auto colon = last.find(':'); colon != std::string::npos) last.erase(colon);
    if (auto why = ucrun::registry::name_problem(last))
        throw sys::Error("cannot name the unikernel of " + ref + " after \"" + last + "\" (" + *why +
                         "); give one with --name");
    return last;
}

}  // namespace ucompose::registry
