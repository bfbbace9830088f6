#include "orchestrator/doctor/checks.hpp"

#include <algorithm>

namespace ucompose::doctor {
namespace {

constexpr long kPodmanNofile = 1048576;   // podman's root defaults (docs/environment.md item 2)
constexpr long kPodmanNproc = 4194304;
constexpr const char* kFixCmd = "ucompose doctor --fix";

Finding ok(std::string name, std::string message) {
    return {std::move(name), Status::ok, std::move(message), "", std::nullopt};
}

Finding bad(Status s, std::string name, std::string message, std::string fix,
            std::optional<Action> action = std::nullopt) {
    return {std::move(name), s, std::move(message), std::move(fix), std::move(action)};
}

Action install(std::vector<std::string> pkgs, bool reinstall = false) {
    Action a;
    a.kind = ActionKind::install_packages;
    a.packages = std::move(pkgs);
    a.reinstall = reinstall;
    return a;
}

Action simple(ActionKind k) {
    Action a;
    a.kind = k;
    return a;
}

bool installed(const Facts& f, const std::string& pkg) {
    auto it = f.packages.find(pkg);
    return it != f.packages.end() && it->second;
}

// An install of `pkg`, as a reinstall when dpkg has it (a file of it was removed).
Action install_or_reinstall(const Facts& f, const std::string& pkg) { return install({pkg}, installed(f, pkg)); }

Finding tool(const Facts& f, const std::string& name, const Tool& t, const std::string& pkg) {
    if (t.path.empty()) {
        Action a = install_or_reinstall(f, pkg);
        return bad(Status::fail, name, name + " not found" + (t.error.empty() ? "" : ": " + t.error),
                   install_command(a), a);
    }
    if (!t.error.empty())
        return bad(Status::fail, name, t.path + " does not run: " + t.error,
                   install_command(install({pkg}, true)), install({pkg}, true));
    return ok(name, (t.version.empty() ? name : t.version) + " (" + t.path + ")");
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// "nofile=20000:20000" -> ("nofile", 20000); the hard part, or the only part. nullopt if unreadable.
std::optional<std::pair<std::string, long>> ulimit_hard(const std::string& entry) {
    auto eq = entry.find('=');
    if (eq == std::string::npos) return std::nullopt;
    std::string name = entry.substr(0, eq);
    std::string v = entry.substr(eq + 1);
    auto colon = v.find(':');
    if (colon != std::string::npos) v = v.substr(colon + 1);
    try {
        size_t used = 0;
        long n = std::stol(v, &used);
        if (used != v.size()) return std::nullopt;
        return std::make_pair(name, n);
    } catch (...) {
        return std::nullopt;
    }
}

std::string dropin_fix(const std::string& why) {
    return std::string("write ") + kDropinPath + " (" + why + "): " + kFixCmd;
}

}  // namespace

const char* status_word(Status s) {
    switch (s) {
        case Status::ok: return "ok";
        case Status::warn: return "warn";
        case Status::fail: return "fail";
    }
    return "?";
}

Limits podman_limits(const Facts& f) {
    Limits l;
    l.nofile = f.hard_nofile < 0 ? kPodmanNofile : std::min(f.hard_nofile, kPodmanNofile);
    l.nproc = f.hard_nproc < 0 ? kPodmanNproc : std::min(f.hard_nproc, kPodmanNproc);
    if (f.pid_max > 0) l.nproc = std::min(l.nproc, f.pid_max);
    if (f.nr_open > 0) l.nofile = std::min(l.nofile, f.nr_open);
    return l;
}

std::string install_command(const Action& a) {
    std::string s = "apt-get install -y --no-install-recommends";
    if (a.reinstall) s += " --reinstall";
    for (const auto& p : a.packages) s += " " + p;
    return s;
}

std::vector<Finding> check_tools(const Facts& f) {
    std::vector<Finding> out;
    Finding p = tool(f, "podman", f.podman, "podman");
    if (p.status == Status::ok && !f.podman_info_error.empty())
        p = bad(Status::fail, "podman", "`podman info` failed: " + f.podman_info_error,
                "run `podman info` and repair what it reports");
    out.push_back(p);
    out.push_back(tool(f, "crun", f.crun, "crun"));
    out.push_back(tool(f, "conmon", f.conmon, "conmon"));
    out.push_back(tool(f, "netavark", f.netavark, "netavark"));
    return out;
}

Finding check_ucrun_registered(const Facts& f) {
    const std::string name = "ucrun-runtime";
    if (!f.ucrun_runtime_paths || f.ucrun_runtime_paths->empty())
        return bad(Status::fail, name, "podman has no runtime `ucrun` ([engine.runtimes] in containers.conf)",
                   dropin_fix("ucrun = [\"" + f.ucrun_bin + "\"]"), simple(ActionKind::write_dropin));
    std::string list;
    for (const auto& p : *f.ucrun_runtime_paths) {
        auto it = f.path_exists.find(p);
        if (it != f.path_exists.end() && it->second) return ok(name, "ucrun registered with podman: " + p);
        list += (list.empty() ? "" : ", ") + p;
    }
    return bad(Status::fail, name, "podman's runtime `ucrun` lists " + list + ", none of which exists",
               "install ucrun (scripts/build-install) at " + f.ucrun_runtime_paths->front());
}

Finding check_json_logs(const Facts& f) {
    const std::string name = "ucrun-json-logs";
    if (f.runtime_supports_json_set && contains(f.runtime_supports_json, "ucrun"))
        return ok(name, "ucrun in runtime_supports_json (podman passes --log-format=json)");
    return bad(Status::warn, name,
               "ucrun not in runtime_supports_json: podman will not pass it --log-format=json --log",
               dropin_fix("runtime_supports_json with ucrun"), simple(ActionKind::write_dropin));
}

Finding check_init(const Facts& f) {
    const std::string name = "init";
    if (f.init_present) return ok(name, "podman's init binary " + f.init_path);
    std::string msg = "podman's init binary " + f.init_path + " is missing (init: true / --init fail)";
    if (f.init_path_set && f.init_path != kDefaultInitPath)
        return bad(Status::fail, name, msg,
                   "install catatonit at " + f.init_path + ", or set init_path in containers.conf to it");
    Action a = install_or_reinstall(f, "catatonit");
    return bad(Status::fail, name, msg, install_command(a), a);
}

Finding check_cgroups(const Facts& f) {
    const std::string name = "cgroups";
    if (f.cgroup_unified_only) return ok(name, "cgroup v2 (unified hierarchy)");
    if (!f.cgroup_hybrid) return ok(name, "cgroup v1 (no cgroup2 mount)");
    bool hugetlb_on_v2 = false;
    {
        std::string c = " " + f.unified_controllers + " ";
        for (auto& ch : c)
            if (ch == '\n' || ch == '\t') ch = ' ';
        hugetlb_on_v2 = c.find(" hugetlb ") != std::string::npos;
    }
    if (hugetlb_on_v2)
        return bad(Status::fail, name,
                   "hybrid cgroups with hugetlb on the cgroup2 mount: crun refuses them "
                   "(\"cgroups in hybrid mode not supported\")",
                   "mkdir -p /sys/fs/cgroup/hugetlb && mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb",
                   simple(ActionKind::mount_hugetlb));
    return ok(name, std::string("hybrid cgroups, hugetlb ") +
                        (f.hugetlb_v1_mounted ? "on its own v1 hierarchy" : "not on cgroup2"));
}

Finding check_rlimits(const Facts& f) {
    const std::string name = "rlimits";
    Limits cap = podman_limits(f);
    std::vector<std::string> entries = f.default_ulimits
        ? *f.default_ulimits
        : std::vector<std::string>{"nofile=" + std::to_string(kPodmanNofile) + ":" + std::to_string(kPodmanNofile),
                                   "nproc=" + std::to_string(kPodmanNproc) + ":" + std::to_string(kPodmanNproc)};
    const std::string source = f.default_ulimits ? "default_ulimits" : "podman's default ulimits (no default_ulimits)";
    std::string too_high;
    for (const auto& e : entries) {
        auto h = ulimit_hard(e);
        if (!h) continue;
        long limit = h->first == "nofile" ? cap.nofile : h->first == "nproc" ? cap.nproc : -1;
        if (limit >= 0 && h->second > limit)
            too_high += (too_high.empty() ? "" : ", ") + e + " > " + std::to_string(limit);
    }
    std::string want = "default_ulimits = [\"nofile=" + std::to_string(cap.nofile) + ":" +
                       std::to_string(cap.nofile) + "\", \"nproc=" + std::to_string(cap.nproc) + ":" +
                       std::to_string(cap.nproc) + "\"]";
    if (!too_high.empty())
        return bad(Status::fail, name,
                   source + " above what this host allows (" + too_high + "): crun fails in setrlimit",
                   dropin_fix(want), simple(ActionKind::write_dropin));
    std::string list;
    for (const auto& e : entries) list += (list.empty() ? "" : ", ") + e;
    return ok(name, source + " within the hard limits (" + list + ")");
}

Finding check_kvm(const Facts& f) {
    const std::string name = "kvm";
    if (f.accel == "tcg") return ok(name, "TCG chosen by ucrun's config (\"accel\": \"tcg\")");
    std::optional<std::string> problem = f.kvm_problem;
    if (!f.kvm_exists && !problem) problem = "no /dev/kvm";
    if (!problem) return ok(name, "/dev/kvm usable: unikernels run under KVM");
    if (f.accel == "kvm")
        return bad(Status::fail, name, *problem + ", but ucrun's config asks for \"accel\": \"kvm\"",
                   "set \"accel\": \"auto\" in " + f.ucrun_config_path);
    return bad(Status::warn, name, *problem + ": unikernels run under TCG (software emulation, slower)",
               "a host with hardware virtualization (kvm_intel or kvm_amd); TCG works meanwhile");
}

Finding check_tun(const Facts& f) {
    if (f.tun_present) return ok("tun", "/dev/net/tun present");
    return bad(Status::fail, "tun", "/dev/net/tun missing: unikernel taps cannot be made",
               "modprobe tun || (mkdir -p /dev/net && mknod /dev/net/tun c 10 200)", simple(ActionKind::create_tun));
}

Finding check_ucrun_config(const Facts& f) {
    const std::string name = "ucrun-config";
    if (!f.ucrun_config_error.empty())
        return bad(Status::fail, name, f.ucrun_config_error,
                   "repair " + f.ucrun_config_path + " (or move it aside and run " + kFixCmd + ")");
    if (!f.ucrun_config_exists)
        return bad(Status::warn, name, f.ucrun_config_path + " missing: ucrun uses its built-in defaults",
                   "write " + f.ucrun_config_path + ": " + kFixCmd, simple(ActionKind::write_ucrun_config));
    return ok(name, f.ucrun_config_path + " (registry " + f.registry + ", qemu " + f.qemu + ")");
}

Finding check_qemu(const Facts& f) {
    const std::string name = "qemu";
    if (!f.qemu_error.empty()) {
        if (f.qemu == "/usr/bin/qemu-system-x86_64") {
            Action a = install_or_reinstall(f, "qemu-system-x86");
            return bad(Status::fail, name, f.qemu_error, install_command(a), a);
        }
        return bad(Status::fail, name, f.qemu_error,
                   "set \"qemu\" in " + f.ucrun_config_path + " to an installed qemu-system-x86_64");
    }
    return ok(name, (f.qemu_version.empty() ? std::string("QEMU") : f.qemu_version) + " (" + f.qemu + ")");
}

Finding check_firmware(const Facts& f) {
    const std::string name = "firmware";
    if (!f.qboot.empty()) return ok(name, "qboot " + f.qboot);
    if (!f.seabios.empty()) return ok(name, "SeaBIOS " + f.seabios + " (no qboot: linux guests start a little later)");
    if (!f.qemu_error.empty())
        return bad(Status::fail, name, "no QEMU, so no firmware", "install QEMU first (see qemu)");
    Action a = install({"qemu-system-data", "seabios"}, installed(f, "qemu-system-data") && installed(f, "seabios"));
    return bad(Status::fail, name, "neither qboot.rom nor SeaBIOS next to QEMU", install_command(a), a);
}

Finding check_kernel(const Facts& f) {
    const std::string name = "kernel";
    if (f.kernel_name)
        return ok(name, "guest kernel " + *f.kernel_name +
                            (f.kernel_release.empty() ? "" : " (linux " + f.kernel_release + ")") + " in " +
                            f.kernels_root);
    return bad(Status::warn, name, "no guest kernel in " + f.kernels_root + " (linux unikernels need one)",
               "ucompose kernel build");
}

Finding check_registry(const Facts& f) {
    const std::string name = "registry";
    const std::string& r = f.registry;
    if (!f.registry_exists)
        return bad(Status::fail, name, "registry directory " + r + " missing", "mkdir -p " + r,
                   simple(ActionKind::make_registry));
    if (!f.registry_is_dir)
        return bad(Status::fail, name, "registry " + r + " is not a directory",
                   "move " + r + " aside, then mkdir -p " + r);
    if (!f.registry_writable)
        return bad(Status::fail, name,
                   "registry directory " + r + " is not writable" +
                       (f.registry_error.empty() ? "" : ": " + f.registry_error),
                   "make " + r + " writable (chmod u+w " + r + "; or remount its filesystem read-write)");
    return ok(name, "registry " + r + " writable");
}

Finding check_remote_registry(const Facts& f) {
    const std::string name = "remote-registry";
    if (f.remote_registry.empty())
        return ok(name, "none configured (SERVICE_NAME is looked up in " + f.registry + " only)");
    if (f.skopeo_path.empty()) {
        Action a = install_or_reinstall(f, "skopeo");
        return bad(Status::fail, name, "remote registry " + f.remote_registry + " set, but skopeo (which pulls) is missing",
                   install_command(a), a);
    }
    if (f.remote_problem)
        return bad(Status::fail, name, "remote registry " + f.remote_registry + " does not answer: " + *f.remote_problem,
                   "start the registry, or correct \"remote_registry\" in " + f.ucrun_config_path);
    return ok(name, "remote registry " + f.remote_registry + " answers (pulls with " + f.skopeo_path + ")");
}

Finding check_syslog(const Facts& f) {
    if (f.dev_log_socket) return ok("syslog", "/dev/log is a socket");
    return bad(Status::warn, "syslog",
               "no /dev/log: aardvark-dns prints \"failed to connect to syslog\" in ucompose's output",
               "busybox syslogd -C64", simple(ActionKind::start_syslog));
}

Finding check_containerd(const Facts& f) {
    const std::string name = "containerd";
    if (f.containerd_path.empty()) return ok(name, "containerd not installed (no handler needed)");
    const std::string what = f.containerd_version.empty() ? "containerd" : f.containerd_version;
    const std::string install_fix =
        "install runtime/node/containerd-ucrun.toml as /etc/containerd/conf.d/ucrun.toml, add "
        "imports = [\"/etc/containerd/conf.d/*.toml\"] to /etc/containerd/config.toml, restart containerd "
        "(docs/kubernetes.md)";
    if (!f.containerd_dump_error.empty())
        return bad(Status::warn, name, "`containerd config dump` failed: " + f.containerd_dump_error,
                   "repair /etc/containerd/config.toml");
    if (!f.containerd_has_ucrun)
        return bad(Status::warn, name, what + " has no CRI runtime handler `ucrun`", install_fix);
    if (f.containerd_ucrun_binary.empty())
        return bad(Status::warn, name, what + ": runtime `ucrun` has no options.BinaryName (the shim would run runc)",
                   install_fix);
    if (!f.containerd_ucrun_binary_exists)
        return bad(Status::fail, name,
                   what + ": runtime `ucrun` runs " + f.containerd_ucrun_binary + ", which does not exist",
                   "install ucrun at " + f.containerd_ucrun_binary + " (scripts/build-install)");
    return ok(name, what + ": runtime `ucrun` -> " + f.containerd_ucrun_binary);
}

std::vector<Finding> run_checks(const Facts& f) {
    std::vector<Finding> out = check_tools(f);
    for (auto* check : {check_ucrun_registered, check_json_logs, check_init, check_cgroups, check_rlimits,
                        check_kvm, check_tun, check_ucrun_config, check_qemu, check_firmware, check_kernel,
                        check_registry, check_remote_registry, check_syslog, check_containerd})
        out.push_back(check(f));
    return out;
}

int exit_code(const std::vector<Finding>& findings) {
    for (const auto& f : findings)
        if (f.status == Status::fail) return 1;
    return 0;
}

std::vector<Action> planned_actions(const std::vector<Finding>& findings) {
    std::vector<Action> installs, rest;
    for (const auto& f : findings) {
        if (f.status == Status::ok || !f.action) continue;
        auto& list = f.action->kind == ActionKind::install_packages ? installs : rest;
        if (std::find(list.begin(), list.end(), *f.action) == list.end()) list.push_back(*f.action);
    }
    installs.insert(installs.end(), rest.begin(), rest.end());
    return installs;
}

}  // namespace ucompose::doctor
