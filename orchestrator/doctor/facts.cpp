#include "orchestrator/doctor/facts.hpp"
#include "orchestrator/doctor/tcp_probe.hpp"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "orchestrator/doctor/toml_lines.hpp"
#include "orchestrator/kernel/store.hpp"
#include "orchestrator/podman/containers_conf.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/process.hpp"
#include "runtime/oci/config.hpp"
#include "runtime/unikernel/accel.hpp"
#include "runtime/unikernel/bundle.hpp"
#include "runtime/unikernel/host_vmm.hpp"

namespace ucompose::doctor {
namespace {

namespace fs = std::filesystem;

const char* const kContainerdUcrun = "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.ucrun";

bool is_mode(const std::string& p, mode_t type) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == type;
}

std::string first_line(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

// Runs argv; the result, or nullopt with `error` set when it could not run or failed.
std::optional<sys::RunResult> try_run(const sys::Argv& argv, std::string& error) {
    try {
        auto r = sys::run(argv);
        if (r.exit_code != 0) {
            std::string why = first_line(r.err.empty() ? r.out : r.err);
            error = sys::join_argv(argv) + " exited " + std::to_string(r.exit_code) + (why.empty() ? "" : ": " + why);
            return std::nullopt;
        }
        return r;
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

void version_of(Tool& t) {
    if (t.path.empty()) return;
    std::string err;
    if (auto r = try_run({t.path, "--version"}, err)) t.version = first_line(r->out.empty() ? r->err : r->out);
    else t.error = err;
}

long read_long(const std::string& path) {
    try {
        return std::stol(sys::read_file(path));
    } catch (...) {
        return 0;
    }
}

long hard_limit(int resource) {
    struct rlimit rl {};
    if (::getrlimit(resource, &rl) != 0 || rl.rlim_max == RLIM_INFINITY) return -1;
    return static_cast<long>(rl.rlim_max);
}

void gather_podman(const GatherOptions& opts, Facts& f) {
    f.podman.path = sys::find_program(opts.podman);
    if (f.podman.path.empty()) {
        f.podman.error = opts.podman + " not in PATH";
        return;
    }
    version_of(f.podman);
    std::string err;
    auto r = try_run({f.podman.path, "info", "--format", "json"}, err);
    if (!r) {
        f.podman_info_error = err;
        return;
    }
    try {
        auto j = nlohmann::json::parse(r->out);
        const auto& host = j.at("host");
        f.oci_runtime = host.value("/ociRuntime/name"_json_pointer, std::string());
        f.network_backend = host.value("networkBackend", std::string());
        f.conmon.path = host.value("/conmon/path"_json_pointer, std::string());
        f.conmon.version = first_line(host.value("/conmon/version"_json_pointer, std::string()));
        if (f.oci_runtime == "crun") {
            f.crun.path = host.value("/ociRuntime/path"_json_pointer, std::string());
            f.crun.version = first_line(host.value("/ociRuntime/version"_json_pointer, std::string()));
        }
    } catch (const std::exception& e) {
        f.podman_info_error = std::string("unreadable `podman info --format json`: ") + e.what();
    }
}

void gather_containers_conf(Facts& f) {
    TomlTables conf = read_containers_conf(&f.conf_files);
    if (auto v = toml_value(conf, "engine.runtimes", "ucrun")) {
        f.ucrun_runtime_paths = toml_string_array(*v);
        for (const auto& p : *f.ucrun_runtime_paths) f.path_exists[p] = sys::executable_file(p);
    }
    if (auto v = toml_value(conf, "engine", "runtime_supports_json")) {
        f.runtime_supports_json = toml_string_array(*v);
        f.runtime_supports_json_set = true;
    }
    if (auto v = toml_value(conf, "containers", "default_ulimits")) f.default_ulimits = toml_string_array(*v);
    if (auto v = toml_value(conf, "containers", "init_path")) {
        f.init_path = toml_string(*v);
        f.init_path_set = true;
    } else if (auto e = toml_value(conf, "engine", "init_path")) {
        f.init_path = toml_string(*e);
        f.init_path_set = true;
    }
    f.init_present = sys::executable_file(f.init_path);

    // netavark: podman looks in helper_binaries_dir.
    std::vector<std::string> helpers = {"/usr/local/libexec/podman", "/usr/local/lib/podman", "/usr/libexec/podman",
                                        "/usr/lib/podman"};
    if (auto v = toml_value(conf, "engine", "helper_binaries_dir")) helpers = toml_string_array(*v);
    for (const auto& d : helpers)
        if (sys::executable_file(d + "/netavark")) {
            f.netavark.path = d + "/netavark";
            break;
        }
    if (f.netavark.path.empty()) {
        std::string dirs;
        for (const auto& d : helpers) dirs += (dirs.empty() ? "" : " ") + d;
        f.netavark.error = "not in " + dirs;
    }
}

void gather_packages(Facts& f) {
    sys::Argv argv = {"dpkg-query", "-W", "-f=${Package} ${Status}\\n"};
    const std::vector<std::string> pkgs = {"podman", "crun", "conmon", "netavark", "catatonit", "qemu-system-x86",
                                           "qemu-system-data", "seabios", "busybox-static"};
    for (const auto& p : pkgs) {
        argv.push_back(p);
        f.packages[p] = false;
    }
    try {
        auto r = sys::run(argv);   // exits 1 when one is unknown, and still lists the others
        std::istringstream in(r.out);
        std::string line;
        while (std::getline(in, line)) {
            auto sp = line.find(' ');
            if (sp == std::string::npos) continue;
            std::string pkg = line.substr(0, sp);
            auto colon = pkg.find(':');
            if (colon != std::string::npos) pkg = pkg.substr(0, colon);
            if (line.find("install ok installed") != std::string::npos) f.packages[pkg] = true;
        }
    } catch (const std::exception&) {
        // no dpkg: every package counts as absent, fixes install rather than reinstall
    }
}

void gather_cgroups(Facts& f) {
    auto text = sys::read_file_if_exists("/proc/self/mountinfo");
    if (!text) return;
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        // "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTS"
        std::istringstream l(line);
        std::string id, parent, dev, root, mountpoint;
        l >> id >> parent >> dev >> root >> mountpoint;
        auto dash = line.find(" - ");
        if (dash == std::string::npos) continue;
        std::istringstream tail(line.substr(dash + 3));
        std::string fstype, source, superopts;
        tail >> fstype >> source >> superopts;
        if (fstype == "cgroup2" && mountpoint == "/sys/fs/cgroup") f.cgroup_unified_only = true;
        if (fstype == "cgroup2" && mountpoint == "/sys/fs/cgroup/unified") f.cgroup_hybrid = true;
        if (fstype == "cgroup" && ("," + superopts + ",").find(",hugetlb,") != std::string::npos)
            f.hugetlb_v1_mounted = true;
    }
    if (f.cgroup_hybrid)
        f.unified_controllers = first_line(sys::read_file_if_exists("/sys/fs/cgroup/unified/cgroup.controllers").value_or(""));
}

void gather_ucrun(const GatherOptions& opts, Facts& f) {
    auto env = ucrun::current_env();
    auto it = env.find("UCRUN_CONFIG");
    if (it != env.end() && !it->second.empty()) f.ucrun_config_path = it->second;
    f.ucrun_config_exists = sys::path_exists(f.ucrun_config_path);
    ucrun::Config c;
    try {
        c = ucrun::load_config(env);
    } catch (const std::exception& e) {
        f.ucrun_config_error = e.what();
    }
    f.accel = c.accel;
    f.qemu = c.qemu;
    f.registry = c.registry;
    f.remote_registry = c.remote_registry;
    if (!c.remote_registry.empty()) {
        f.skopeo_path = sys::find_program(c.skopeo);
        f.remote_problem = tcp_problem(registry_host_port(c.remote_registry), 3000);
    }
    f.ucrun_bin = opts.ucrun_bin;
    f.ucrun_bin_exists = sys::executable_file(opts.ucrun_bin);
}

std::string host_path(const std::string& container_path) {
    const std::string prefix = ucrun::unikernel::kUsrDir;
    if (container_path.compare(0, prefix.size(), prefix) == 0) return "/usr" + container_path.substr(prefix.size());
    return container_path;
}

void gather_qemu(Facts& f) {
    try {
        auto vmm = ucrun::unikernel::locate_vmm(f.qemu);
        std::string err;
        if (auto r = try_run({host_path(vmm.qemu), "--version"}, err)) f.qemu_version = first_line(r->out);
        if (!vmm.linux_firmware.empty()) f.qboot = host_path(vmm.linux_firmware);
        for (const auto& d : vmm.firmware_dirs) {
            for (const char* bios : {"/bios-256k.bin", "/bios.bin"}) {
                std::string p = host_path(d) + bios;
                if (f.seabios.empty() && sys::path_exists(p)) f.seabios = p;
            }
        }
    } catch (const std::exception& e) {
        f.qemu_error = e.what();
    }
}

void gather_kernel(Facts& f) {
    f.kernels_root = kernel::default_root();
    try {
        if (auto k = kernel::current_kernel(f.kernels_root)) {
            f.kernel_name = k->name;
            f.kernel_release = k->release;
        }
    } catch (const std::exception&) {
        // an unreadable kernel directory counts as none
    }
}

void gather_registry(Facts& f) {
    struct stat st {};
    if (::stat(f.registry.c_str(), &st) != 0) {
        int err = errno;
        f.registry_exists = err != ENOENT;   // exists, but cannot be looked at: reported as unwritable
        if (f.registry_exists) {
            f.registry_is_dir = true;
            f.registry_error = std::strerror(err);
        }
        return;
    }
    f.registry_exists = true;
    f.registry_is_dir = S_ISDIR(st.st_mode);
    if (!f.registry_is_dir) return;
    // access() answers for the real uid and includes a read-only filesystem (EROFS); nothing is written.
    if (::access(f.registry.c_str(), W_OK | X_OK) == 0) f.registry_writable = true;
    else f.registry_error = std::strerror(errno);
}

void gather_containerd(Facts& f) {
    f.containerd_path = sys::find_program("containerd");
    if (f.containerd_path.empty()) return;
    Tool t{f.containerd_path, "", ""};
    version_of(t);
    f.containerd_version = t.version;
    std::string err;
    auto r = try_run({f.containerd_path, "config", "dump"}, err);
    if (!r) {
        f.containerd_dump_error = err;
        return;
    }
    auto tables = parse_toml_lines(r->out);
    f.containerd_has_ucrun = tables.count(kContainerdUcrun) > 0;
    if (auto v = toml_value(tables, std::string(kContainerdUcrun) + ".options", "BinaryName"))
        f.containerd_ucrun_binary = toml_string(*v);
    f.containerd_ucrun_binary_exists = sys::executable_file(f.containerd_ucrun_binary);
}

}  // namespace

Facts gather_facts(const GatherOptions& opts) {
    Facts f;
    f.root = ::geteuid() == 0;
    gather_podman(opts, f);
    if (f.crun.path.empty()) f.crun.path = sys::find_program("crun");
    if (f.crun.version.empty()) version_of(f.crun);
    if (f.conmon.path.empty()) f.conmon.path = sys::find_program("conmon");
    if (f.conmon.version.empty()) version_of(f.conmon);
    gather_containers_conf(f);
    version_of(f.netavark);
    gather_packages(f);
    gather_cgroups(f);
    f.hard_nofile = hard_limit(RLIMIT_NOFILE);
    f.hard_nproc = hard_limit(RLIMIT_NPROC);
    f.pid_max = read_long("/proc/sys/kernel/pid_max");
    f.nr_open = read_long("/proc/sys/fs/nr_open");
    f.kvm_exists = is_mode("/dev/kvm", S_IFCHR);
    gather_ucrun(opts, f);
    if (f.kvm_exists && f.accel != "tcg") f.kvm_problem = ucrun::unikernel::probe_kvm();
    f.tun_present = is_mode("/dev/net/tun", S_IFCHR);
    gather_qemu(f);
    gather_kernel(f);
    gather_registry(f);
    f.dev_log_socket = is_mode("/dev/log", S_IFSOCK);
    gather_containerd(f);
    return f;
}

}  // namespace ucompose::doctor
