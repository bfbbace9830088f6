#include "runtime/ucrun/delegate.hpp"

#include <unistd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/process.hpp"

namespace ucrun {

std::string resolve_delegate(const std::string& name_or_path, const std::string& path_env) {
    if (name_or_path.find('/') != std::string::npos) {
        if (::access(name_or_path.c_str(), X_OK) == 0) return name_or_path;
        throw sys::Error("delegate runtime " + name_or_path + " not found or not executable");
    }
    std::vector<std::string> dirs = sys::path_dirs(path_env);
    for (const char* d : {"/usr/local/bin", "/usr/bin", "/usr/sbin", "/bin"}) dirs.push_back(d);
    std::string looked;
    for (const auto& d : dirs) {
        std::string candidate = d + "/" + name_or_path;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        if (!looked.empty()) looked += ":";
        looked += d;
    }
    throw sys::Error("delegate runtime \"" + name_or_path + "\" not found (looked in " + looked +
                     "); install it or set \"delegate\" in /etc/ucrun/ucrun.json or UCRUN_DELEGATE");
}

std::string delegate_name(const std::string& delegate_path) {
    auto slash = delegate_path.rfind('/');
    return slash == std::string::npos ? delegate_path : delegate_path.substr(slash + 1);
}

Argv delegate_argv(const std::string& delegate_path, const std::string& delegate_root,
                   const GlobalOptions& g, const std::string& verb, const Argv& verb_args) {
    Argv a{delegate_path, "--root", delegate_root};
    if (g.debug) a.push_back("--debug");
    if (!g.log.empty()) {
        a.push_back("--log");
        a.push_back(g.log);
    }
    if (g.log_format != "text") a.push_back("--log-format=" + g.log_format);
    if (g.systemd_cgroup) a.push_back("--systemd-cgroup");
    if (g.rootless) a.push_back("--rootless=" + *g.rootless);
    if (g.cgroup_manager) a.push_back("--cgroup-manager=" + *g.cgroup_manager);
    if (g.criu) a.push_back("--criu=" + *g.criu);
    a.push_back(verb);
    a.insert(a.end(), verb_args.begin(), verb_args.end());
    return a;
}

Argv create_args(const CreateOptions& o, const std::string& bundle) {
    Argv a{"--bundle", bundle};
    if (o.pid_file) {
        a.push_back("--pid-file");
        a.push_back(*o.pid_file);
    }
    if (o.console_socket) {
        a.push_back("--console-socket");
        a.push_back(*o.console_socket);
    }
    if (o.preserve_fds) a.push_back("--preserve-fds=" + std::to_string(*o.preserve_fds));
    if (o.no_pivot) a.push_back("--no-pivot");
    if (o.no_new_keyring) a.push_back("--no-new-keyring");
    a.push_back(o.id);
    return a;
}

}  // namespace ucrun
