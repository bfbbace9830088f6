#include "orchestrator/doctor/fixes.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/unique_fd.hpp"

extern char** environ;

namespace ucompose::doctor {
namespace {

constexpr const char* kHugetlbDir = "/sys/fs/cgroup/hugetlb";

bool is_mode(const std::string& p, mode_t type) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == type;
}

std::string dirname_of(const std::string& p) {
    auto slash = p.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : p.substr(0, slash);
}

// Runs argv with its output on our stderr (the report stays alone on stdout); returns the exit code.
int run_visible(const sys::Argv& argv, const std::vector<std::string>& extra_env = {}) {
    sys::SpawnOptions o;
    sys::UniqueFd null(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    o.stdin_fd = null.get();
    o.stdout_fd = STDERR_FILENO;
    if (!extra_env.empty()) {
        sys::Argv env;
        for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
        env.insert(env.end(), extra_env.begin(), extra_env.end());
        o.env = env;
    }
    auto child = sys::spawn(argv, o);
    return sys::exit_code_of(child.wait());
}

void install_packages(const Action& a) {
    const std::vector<std::string> env = {"DEBIAN_FRONTEND=noninteractive"};
    sys::Argv argv = install_argv(a);
    if (run_visible(argv, env) == 0) return;
    // The package lists may be stale or missing: refresh them once, as setup-host does first.
    if (run_visible({"apt-get", "update", "-q"}, env) != 0) throw sys::Error("apt-get update failed");
    int rc = run_visible(argv, env);
    if (rc != 0) throw sys::Error(sys::join_argv(argv) + " failed (exit " + std::to_string(rc) + ")");
}

void write_dropin(const FixContext& c) {
    std::string text = dropin_text(c.ucrun_bin, c.limits);
    if (sys::read_file_if_exists(kDropinPath) == text) return;
    sys::make_dirs(dirname_of(kDropinPath));
    sys::write_file_atomic(kDropinPath, text, 0644);
}

void mount_hugetlb() {
    sys::make_dirs(kHugetlbDir);
    if (::mount("cgroup", kHugetlbDir, "cgroup", 0, "hugetlb") != 0)
        sys::throw_errno(std::string("mount -t cgroup -o hugetlb cgroup ") + kHugetlbDir);
}

void create_tun() {
    const std::string tun = "/dev/net/tun";
    try {
        sys::run({"modprobe", "tun"});
    } catch (const std::exception&) {
        // no modprobe: mknod below
    }
    if (is_mode(tun, S_IFCHR)) return;
    sys::make_dirs("/dev/net");
    if (::mknod(tun.c_str(), S_IFCHR | 0666, ::makedev(10, 200)) != 0 && errno != EEXIST)
        sys::throw_errno("mknod " + tun + " c 10 200");
    if (::chmod(tun.c_str(), 0666) != 0) sys::throw_errno("chmod 0666 " + tun);
}

void write_ucrun_config(const FixContext& c) {
    if (sys::path_exists(c.ucrun_config_path)) return;   // never replaces a config
    sys::make_dirs(dirname_of(c.ucrun_config_path));
    sys::write_file_atomic(c.ucrun_config_path, ucrun_config_text(), 0644);
}

void start_syslog() {
    if (is_mode("/dev/log", S_IFSOCK)) return;
    sys::UniqueFd null(::open("/dev/null", O_RDWR | O_CLOEXEC));
    sys::SpawnOptions o;
    o.stdin_fd = o.stdout_fd = o.stderr_fd = null.get();
    auto child = sys::spawn({"busybox", "syslogd", "-C64"}, o);   // daemonizes: the parent exits at once
    int rc = sys::exit_code_of(child.wait());
    if (rc != 0) throw sys::Error("busybox syslogd -C64 exited " + std::to_string(rc));
    // The daemon binds /dev/log just after the fork: wait a little for it (a bound, not a timing).
    for (int i = 0; i < 50 && !is_mode("/dev/log", S_IFSOCK); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!is_mode("/dev/log", S_IFSOCK)) throw sys::Error("busybox syslogd -C64 started, but /dev/log did not appear");
}

}  // namespace

FixContext fix_context(const Facts& f) {
    FixContext c;
    c.ucrun_bin = f.ucrun_bin;
    c.limits = podman_limits(f);
    c.ucrun_config_path = f.ucrun_config_path;
    c.registry = f.registry;
    return c;
}

std::string dropin_text(const std::string& ucrun_bin, const Limits& l) {
    const std::string nofile = std::to_string(l.nofile), nproc = std::to_string(l.nproc);
    return "# Written by ucompose's scripts/setup-host. Safe to delete (ucrun is then unregistered).\n"
           "[containers]\n"
           "default_ulimits = [\"nofile=" + nofile + ":" + nofile + "\", \"nproc=" + nproc + ":" + nproc + "\"]\n"
           "\n"
           "[engine]\n"
           "runtime_supports_json = [\"crun\", \"runc\", \"kata\", \"runsc\", \"krun\", \"ucrun\"]\n"
           "runtime_supports_nocgroups = [\"crun\", \"krun\", \"ucrun\"]\n"
           "\n"
           "[engine.runtimes]\n"
           "ucrun = [\"" + ucrun_bin + "\"]\n";
}

std::string ucrun_config_text() {
    return "{\n"
           "  \"delegate\": \"crun\",\n"
           "  \"registry\": \"/var/lib/ucrun/registry\",\n"
           "  \"qemu\": \"/usr/bin/qemu-system-x86_64\",\n"
           "  \"stop_timeout\": 10\n"
           "}\n";
}

sys::Argv install_argv(const Action& a) {
    sys::Argv argv = {"apt-get", "install", "-y", "-q", "--no-install-recommends"};
    if (a.reinstall) argv.push_back("--reinstall");
    argv.insert(argv.end(), a.packages.begin(), a.packages.end());
    return argv;
}

std::string describe(const Action& a, const FixContext& c) {
    switch (a.kind) {
        case ActionKind::install_packages: return sys::join_argv(install_argv(a));
        case ActionKind::write_dropin:
            return std::string("write ") + kDropinPath + " (ucrun = " + c.ucrun_bin +
                   ", nofile=" + std::to_string(c.limits.nofile) + ", nproc=" + std::to_string(c.limits.nproc) + ")";
        case ActionKind::mount_hugetlb: return std::string("mount -t cgroup -o hugetlb cgroup ") + kHugetlbDir;
        case ActionKind::create_tun: return "modprobe tun, else mknod /dev/net/tun c 10 200";
        case ActionKind::write_ucrun_config: return "write " + c.ucrun_config_path;
        case ActionKind::make_registry: return "mkdir -p " + c.registry;
        case ActionKind::start_syslog: return "busybox syslogd -C64";
    }
    return "?";
}

void apply(const Action& a, const FixContext& c) {
    switch (a.kind) {
        case ActionKind::install_packages: install_packages(a); return;
        case ActionKind::write_dropin: write_dropin(c); return;
        case ActionKind::mount_hugetlb: mount_hugetlb(); return;
        case ActionKind::create_tun: create_tun(); return;
        case ActionKind::write_ucrun_config: write_ucrun_config(c); return;
        case ActionKind::make_registry: sys::make_dirs(c.registry); return;
        case ActionKind::start_syslog: start_syslog(); return;
    }
}

}  // namespace ucompose::doctor
