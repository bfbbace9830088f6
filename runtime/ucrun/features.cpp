#include "runtime/ucrun/features.hpp"

#include "runtime/sys/file.hpp"
#include "runtime/sys/process.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/verbs.hpp"

namespace ucrun {
namespace {

nlohmann::json builtin_features(const HostSecurity& host) {
    using J = nlohmann::json;
    J caps = J::array();
    for (const char* c :
         {"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
          "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
          "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
          "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
          "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE"})
        caps.push_back(c);
    return J{
        {"ociVersionMin", "1.0.0"},
        {"ociVersionMax", "1.0.2"},
        {"hooks", {"prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"}},
        {"mountOptions",
         {"acl", "async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec", "iversion",
          "lazytime", "loud", "mand", "noacl", "noatime", "nodev", "nodiratime", "noexec", "noiversion",
          "nolazytime", "nomand", "norelatime", "nostrictatime", "nosuid", "nosymfollow", "private", "rbind",
          "relatime", "remount", "ro", "rprivate", "rshared", "rslave", "runbindable", "rw", "shared", "silent",
          "slave", "strictatime", "suid", "symfollow", "sync", "tmpcopyup", "unbindable"}},
        {"linux",
         {{"namespaces", {"cgroup", "ipc", "mount", "network", "pid", "time", "user", "uts"}},
          {"capabilities", caps},
          {"cgroup", {{"v1", true}, {"v2", true}, {"systemd", true}, {"systemdUser", true}}},
          {"seccomp",
           {{"enabled", host.seccomp},
            {"actions",
             {"SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
              "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP"}},
            {"operators",
             {"SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_LE", "SCMP_CMP_LT", "SCMP_CMP_MASKED_EQ",
              "SCMP_CMP_NE"}},
            {"archs", {"SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"}}}},
          {"apparmor", {{"enabled", host.apparmor}}},
          {"selinux", {{"enabled", host.selinux}}}}},
        {"annotations", J::object()}};
}

}  // namespace

HostSecurity probe_host_security() {
    HostSecurity h;
    if (auto status = sys::read_file_if_exists("/proc/self/status"))
        h.seccomp = status->find("\nSeccomp:") != std::string::npos;
    if (auto enabled = sys::read_file_if_exists("/sys/module/apparmor/parameters/enabled"))
        h.apparmor = !enabled->empty() && (*enabled)[0] == 'Y';
    h.selinux = sys::path_exists("/sys/fs/selinux/enforce");
    return h;
}

nlohmann::json features_document(const std::optional<nlohmann::json>& delegate_features,
                                 const std::string& delegate_name, const HostSecurity& host) {
    nlohmann::json doc = (delegate_features && delegate_features->is_object()) ? *delegate_features
                                                                               : builtin_features(host);
    if (!doc.contains("annotations") || !doc["annotations"].is_object()) doc["annotations"] = nlohmann::json::object();
    doc["annotations"]["io.ucrun.version"] = UCRUN_VERSION_STRING;
    doc["annotations"]["io.ucrun.delegate"] = delegate_name;
    doc["annotations"]["io.ucrun.unikernel.kinds"] = "linux,multiboot,disk";
    return doc;
}

int print_features(const Context& ctx) {
    std::string delegate = configured_delegate(ctx);
    std::optional<nlohmann::json> theirs;
    auto r = sys::run({delegate, "features"});
    if (r.exit_code == 0) {
        auto parsed = nlohmann::json::parse(r.out, nullptr, false);
        if (!parsed.is_discarded()) theirs = parsed;
    }
    std::string out = features_document(theirs, delegate_name(delegate), probe_host_security()).dump(4) + "\n";
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

}  // namespace ucrun
