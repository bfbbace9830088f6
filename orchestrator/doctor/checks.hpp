// The decisions of `ucompose doctor`: pure functions from Facts to findings (ok / warn / fail,
// what was found, and for warn and fail the fix, with the repair --fix can apply, if any).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/doctor/facts.hpp"

namespace ucompose::doctor {

enum class Status { ok, warn, fail };
const char* status_word(Status s);   // "ok", "warn", "fail"

// A repair `doctor --fix` knows how to make (fixes.hpp applies them).
enum class ActionKind {
    install_packages,    // apt-get install -y --no-install-recommends [--reinstall] PKG...
    write_dropin,        // /etc/containers/containers.conf.d/50-ucrun.conf, setup-host's content
    mount_hugetlb,       // the hugetlb cgroup v1 hierarchy at /sys/fs/cgroup/hugetlb
    create_tun,          // modprobe tun, else mknod /dev/net/tun c 10 200
    write_ucrun_config,  // /etc/ucrun/ucrun.json, setup-host's content, only when absent
    make_registry,       // mkdir -p the registry directory
    start_syslog,        // busybox syslogd -C64
};

struct Action {
    ActionKind kind = ActionKind::write_dropin;
    std::vector<std::string> packages;   // install_packages
    bool reinstall = false;              // install_packages: the package is installed, a file is gone
    bool operator==(const Action& o) const {
        return kind == o.kind && packages == o.packages && reinstall == o.reinstall;
    }
};

struct Finding {
    std::string name;      // short key: "podman", "init", "cgroups", ...
    Status status = Status::ok;
    std::string message;   // what was found
    std::string fix;       // warn/fail: a command or a file to write ("" for ok)
    std::optional<Action> action;   // what --fix does about it (nullopt: --fix cannot)
};

// What default_ulimits must not exceed: the hard limits (unlimited -> podman's root default),
// capped at fs.nr_open and kernel.pid_max, as scripts/setup-host computes them.
struct Limits {
    long nofile = 0;
    long nproc = 0;
};
Limits podman_limits(const Facts& f);

// The command line of an install action ("apt-get install -y --no-install-recommends catatonit").
std::string install_command(const Action& a);

std::vector<Finding> check_tools(const Facts& f);   // podman, crun, conmon, netavark
Finding check_ucrun_registered(const Facts& f);
Finding check_json_logs(const Facts& f);             // ucrun in runtime_supports_json
Finding check_init(const Facts& f);
Finding check_cgroups(const Facts& f);
Finding check_rlimits(const Facts& f);
Finding check_kvm(const Facts& f);
Finding check_tun(const Facts& f);
Finding check_ucrun_config(const Facts& f);
Finding check_qemu(const Facts& f);
Finding check_firmware(const Facts& f);
Finding check_kernel(const Facts& f);
Finding check_registry(const Facts& f);
Finding check_syslog(const Facts& f);
Finding check_containerd(const Facts& f);

// Every check, in report order.
std::vector<Finding> run_checks(const Facts& f);

// 1 when any finding fails (warnings do not), else 0.
int exit_code(const std::vector<Finding>& findings);

// The distinct actions of the warn/fail findings, in the order they should run (packages first).
std::vector<Action> planned_actions(const std::vector<Finding>& findings);

}  // namespace ucompose::doctor
