// The decisions of `ucompose doctor` (orchestrator/doctor/checks.cpp), as facts in, findings out.
#include <catch2/catch.hpp>

#include "orchestrator/doctor/checks.hpp"
#include "healthy_facts.hpp"

using namespace ucompose::doctor;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const Finding& named(const std::vector<Finding>& all, const std::string& name) {
    for (const auto& f : all)
        if (f.name == name) return f;
    FAIL("no finding " << name);
    throw;
}

}  // namespace

TEST_CASE("doctor: a healthy host passes every check", "[doctor]") {
    auto all = run_checks(healthy_facts());
    for (const auto& f : all) {
        INFO(f.name << ": " << f.message);
        CHECK(f.status == Status::ok);
        CHECK(f.fix.empty());
    }
    CHECK(all.size() == 19);
    CHECK(exit_code(all) == 0);
    CHECK(planned_actions(all).empty());
}

TEST_CASE("doctor: tools are reported with their versions, missing ones installed", "[doctor]") {
    Facts f = healthy_facts();
    auto tools = check_tools(f);
    REQUIRE(tools.size() == 4);
    CHECK(tools[0].message == "podman version 4.3.1 (/usr/bin/podman)");
    CHECK(tools[1].message == "crun version 1.8.1 (/usr/bin/crun)");
    CHECK(tools[2].message == "conmon version 2.1.6 (/usr/bin/conmon)");
    CHECK(tools[3].message == "netavark 1.4.0 (/usr/lib/podman/netavark)");

    f.netavark = {"", "", "not in /usr/lib/podman"};
    f.packages["netavark"] = false;
    auto n = check_tools(f)[3];
    CHECK(n.status == Status::fail);
    CHECK(n.message == "netavark not found: not in /usr/lib/podman");
    CHECK(n.fix == "apt-get install -y --no-install-recommends netavark");
    REQUIRE(n.action);
    CHECK(n.action->kind == ActionKind::install_packages);
    CHECK(n.action->packages == std::vector<std::string>{"netavark"});
    CHECK_FALSE(n.action->reinstall);

    f = healthy_facts();
    f.crun = {"/usr/bin/crun", "", "/usr/bin/crun --version exited 1"};
    auto c = check_tools(f)[1];
    CHECK(c.status == Status::fail);
    CHECK(c.fix == "apt-get install -y --no-install-recommends --reinstall crun");

    f = healthy_facts();
    f.podman_info_error = "podman info --format json exited 125: boom";
    auto p = check_tools(f)[0];
    CHECK(p.status == Status::fail);
    CHECK(has(p.message, "boom"));
    CHECK_FALSE(p.action);
}

TEST_CASE("doctor: ucrun registered with podman", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_ucrun_registered(f).message == "ucrun registered with podman: /usr/local/bin/ucrun");

    f.ucrun_runtime_paths.reset();
    auto r = check_ucrun_registered(f);
    CHECK(r.status == Status::fail);
    CHECK(has(r.message, "no runtime `ucrun`"));
    CHECK(r.fix == "write /etc/containers/containers.conf.d/50-ucrun.conf (ucrun = [\"/usr/local/bin/ucrun\"]): "
                   "ucompose doctor --fix");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::write_dropin);

    f = healthy_facts();
    f.ucrun_runtime_paths = std::vector<std::string>{"/opt/ucrun", "/usr/local/bin/ucrun"};
    f.path_exists = {{"/opt/ucrun", false}, {"/usr/local/bin/ucrun", false}};
    r = check_ucrun_registered(f);
    CHECK(r.status == Status::fail);
    CHECK(r.message == "podman's runtime `ucrun` lists /opt/ucrun, /usr/local/bin/ucrun, none of which exists");
    CHECK(r.fix == "install ucrun (scripts/build-install) at /opt/ucrun");
    CHECK_FALSE(r.action);
}

TEST_CASE("doctor: ucrun in runtime_supports_json is a warning", "[doctor]") {
    Facts f = healthy_facts();
    f.runtime_supports_json = {"crun", "runc"};
    auto r = check_json_logs(f);
    CHECK(r.status == Status::warn);
    CHECK(has(r.fix, "50-ucrun.conf"));
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::write_dropin);
    f.runtime_supports_json_set = false;   // podman's built-in list has no ucrun
    CHECK(check_json_logs(f).status == Status::warn);
}

TEST_CASE("doctor: podman's init binary", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_init(f).message == "podman's init binary /usr/libexec/podman/catatonit");

    f.init_present = false;   // the package is installed, its file gone: reinstall
    auto r = check_init(f);
    CHECK(r.status == Status::fail);
    CHECK(r.message == "podman's init binary /usr/libexec/podman/catatonit is missing (init: true / --init fail)");
    CHECK(r.fix == "apt-get install -y --no-install-recommends --reinstall catatonit");
    REQUIRE(r.action);
    CHECK(r.action->reinstall);

    f.packages["catatonit"] = false;
    r = check_init(f);
    CHECK(r.fix == "apt-get install -y --no-install-recommends catatonit");
    CHECK_FALSE(r.action->reinstall);

    f.init_path = "/opt/tini";
    f.init_path_set = true;
    r = check_init(f);
    CHECK(r.status == Status::fail);
    CHECK(r.fix == "install catatonit at /opt/tini, or set init_path in containers.conf to it");
    CHECK_FALSE(r.action);
}

TEST_CASE("doctor: cgroup layouts", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_cgroups(f).message == "hybrid cgroups, hugetlb on its own v1 hierarchy");

    f.unified_controllers = "hugetlb";
    f.hugetlb_v1_mounted = false;
    auto r = check_cgroups(f);
    CHECK(r.status == Status::fail);
    CHECK(has(r.message, "hugetlb on the cgroup2 mount"));
    CHECK(r.fix == "mkdir -p /sys/fs/cgroup/hugetlb && mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::mount_hugetlb);

    f.unified_controllers = "cpu hugetlb\n";
    CHECK(check_cgroups(f).status == Status::fail);
    f.unified_controllers = "hugetlbx";
    CHECK(check_cgroups(f).status == Status::ok);

    f = healthy_facts();
    f.cgroup_hybrid = false;
    f.cgroup_unified_only = true;
    CHECK(check_cgroups(f).message == "cgroup v2 (unified hierarchy)");
    f.cgroup_unified_only = false;
    CHECK(check_cgroups(f).message == "cgroup v1 (no cgroup2 mount)");
}

TEST_CASE("doctor: default_ulimits against the hard limits", "[doctor]") {
    Facts f = healthy_facts();
    Limits l = podman_limits(f);
    CHECK(l.nofile == 20000);
    CHECK(l.nproc == 32768);   // capped at pid_max, not the 96365 hard limit
    CHECK(check_rlimits(f).status == Status::ok);

    f.hard_nofile = f.hard_nproc = -1;   // unlimited: podman's defaults, under the kernel caps
    f.nr_open = 524288;
    l = podman_limits(f);
    CHECK(l.nofile == 524288);
    CHECK(l.nproc == 32768);

    f = healthy_facts();
    f.default_ulimits.reset();   // podman's root defaults 1048576 / 4194304
    auto r = check_rlimits(f);
    CHECK(r.status == Status::fail);
    CHECK(r.message == "podman's default ulimits (no default_ulimits) above what this host allows "
                       "(nofile=1048576:1048576 > 20000, nproc=4194304:4194304 > 32768): crun fails in setrlimit");
    CHECK(r.fix == "write /etc/containers/containers.conf.d/50-ucrun.conf (default_ulimits = "
                   "[\"nofile=20000:20000\", \"nproc=32768:32768\"]): ucompose doctor --fix");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::write_dropin);

    f.default_ulimits = std::vector<std::string>{"nofile=1024:40000", "nproc=100", "core=-1"};
    r = check_rlimits(f);
    CHECK(r.status == Status::fail);
    CHECK(has(r.message, "nofile=1024:40000 > 20000"));
    CHECK_FALSE(has(r.message, "nproc"));

    f.default_ulimits = std::vector<std::string>{"nofile=1024:1024"};
    CHECK(check_rlimits(f).message == "default_ulimits within the hard limits (nofile=1024:1024)");
}

TEST_CASE("doctor: KVM, kvm-pvm and TCG", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_kvm(f).message == "/dev/kvm usable: unikernels run under KVM");

    f.kvm_problem = "/dev/kvm is kvm-pvm (no hardware virtualization; ordinary guest kernels do not boot on it)";
    auto r = check_kvm(f);
    CHECK(r.status == Status::warn);
    CHECK(has(r.message, "kvm-pvm"));
    CHECK(has(r.message, "TCG"));
    CHECK_FALSE(r.fix.empty());
    CHECK_FALSE(r.action);

    f.accel = "kvm";
    r = check_kvm(f);
    CHECK(r.status == Status::fail);
    CHECK(r.fix == "set \"accel\": \"auto\" in /etc/ucrun/ucrun.json");

    f.accel = "tcg";
    CHECK(check_kvm(f).status == Status::ok);

    f = healthy_facts();
    f.kvm_exists = false;
    r = check_kvm(f);
    CHECK(r.status == Status::warn);
    CHECK(has(r.message, "no /dev/kvm"));
}

TEST_CASE("doctor: /dev/net/tun", "[doctor]") {
    Facts f = healthy_facts();
    f.tun_present = false;
    auto r = check_tun(f);
    CHECK(r.status == Status::fail);
    CHECK(r.fix == "modprobe tun || (mkdir -p /dev/net && mknod /dev/net/tun c 10 200)");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::create_tun);
}

TEST_CASE("doctor: ucrun's config", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_ucrun_config(f).message ==
          "/etc/ucrun/ucrun.json (registry /var/lib/ucrun/registry, qemu /usr/bin/qemu-system-x86_64)");
    f.ucrun_config_exists = false;
    auto r = check_ucrun_config(f);
    CHECK(r.status == Status::warn);
    CHECK(r.fix == "write /etc/ucrun/ucrun.json: ucompose doctor --fix");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::write_ucrun_config);

    f.ucrun_config_exists = true;
    f.ucrun_config_error = "/etc/ucrun/ucrun.json: bad JSON";
    r = check_ucrun_config(f);
    CHECK(r.status == Status::fail);
    CHECK_FALSE(r.action);   // never overwrites a config
}

TEST_CASE("doctor: QEMU and its firmware", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_qemu(f).message == "QEMU emulator version 7.2.19 (/usr/bin/qemu-system-x86_64)");
    CHECK(check_firmware(f).message == "qboot /usr/share/qemu/qboot.rom");
    f.qboot.clear();
    CHECK(check_firmware(f).status == Status::ok);
    CHECK(has(check_firmware(f).message, "SeaBIOS"));
    f.seabios.clear();
    auto fw = check_firmware(f);
    CHECK(fw.status == Status::fail);
    CHECK(fw.fix == "apt-get install -y --no-install-recommends qemu-system-data seabios");

    f = healthy_facts();
    f.qemu_error = "QEMU /usr/bin/qemu-system-x86_64 not found: No such file or directory";
    auto q = check_qemu(f);
    CHECK(q.status == Status::fail);
    CHECK(q.message == f.qemu_error);
    CHECK(q.fix == "apt-get install -y --no-install-recommends --reinstall qemu-system-x86");

    f.qemu = "/opt/qemu/bin/qemu-system-x86_64";
    q = check_qemu(f);
    CHECK(q.fix == "set \"qemu\" in /etc/ucrun/ucrun.json to an installed qemu-system-x86_64");
    CHECK_FALSE(q.action);
}

TEST_CASE("doctor: the guest kernel", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_kernel(f).message == "guest kernel 6.1.192-abcdef (linux 6.1.192) in /var/lib/ucrun/kernels");
    f.kernel_name.reset();
    auto r = check_kernel(f);
    CHECK(r.status == Status::warn);
    CHECK(r.fix == "ucompose kernel build");
    CHECK_FALSE(r.action);   // minutes of compiling: never part of --fix
}

TEST_CASE("doctor: the registry directory", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_registry(f).message == "registry /var/lib/ucrun/registry writable");

    f.registry_exists = false;
    auto r = check_registry(f);
    CHECK(r.status == Status::fail);
    CHECK(r.message == "registry directory /var/lib/ucrun/registry missing");
    CHECK(r.fix == "mkdir -p /var/lib/ucrun/registry");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::make_registry);

    f.registry_exists = true;
    f.registry_is_dir = false;
    r = check_registry(f);
    CHECK(r.status == Status::fail);
    CHECK(has(r.message, "is not a directory"));
    CHECK_FALSE(r.action);   // doctor does not move a user's file

    f.registry_is_dir = true;
    f.registry_writable = false;
    f.registry_error = "Read-only file system";
    r = check_registry(f);
    CHECK(r.status == Status::fail);
    CHECK(r.message == "registry directory /var/lib/ucrun/registry is not writable: Read-only file system");
    CHECK_FALSE(r.action);
}

TEST_CASE("doctor: the syslog socket is a warning", "[doctor]") {
    Facts f = healthy_facts();
    f.dev_log_socket = false;
    auto r = check_syslog(f);
    CHECK(r.status == Status::warn);
    CHECK(r.fix == "busybox syslogd -C64");
    REQUIRE(r.action);
    CHECK(r.action->kind == ActionKind::start_syslog);
}

TEST_CASE("doctor: containerd's ucrun handler, only where containerd is installed", "[doctor]") {
    Facts f = healthy_facts();
    CHECK(check_containerd(f).message == "containerd not installed (no handler needed)");

    f.containerd_path = "/usr/bin/containerd";
    f.containerd_version = "containerd github.com/containerd/containerd 1.6.20~ds1 1.6.20~ds1-1+b1";
    auto r = check_containerd(f);
    CHECK(r.status == Status::warn);
    CHECK(has(r.message, "has no CRI runtime handler `ucrun`"));
    CHECK(has(r.fix, "runtime/node/containerd-ucrun.toml"));
    CHECK_FALSE(r.action);

    f.containerd_has_ucrun = true;
    CHECK(check_containerd(f).status == Status::warn);   // no BinaryName: runc would run

    f.containerd_ucrun_binary = "/usr/local/bin/ucrun";
    r = check_containerd(f);
    CHECK(r.status == Status::fail);
    CHECK(has(r.message, "/usr/local/bin/ucrun, which does not exist"));

    f.containerd_ucrun_binary_exists = true;
    CHECK(check_containerd(f).status == Status::ok);

    f.containerd_dump_error = "containerd config dump exited 1: bad config";
    CHECK(check_containerd(f).status == Status::warn);
}

TEST_CASE("doctor: exit code and the planned repairs", "[doctor]") {
    Facts f = healthy_facts();
    f.dev_log_socket = false;                 // warn
    CHECK(exit_code(run_checks(f)) == 0);     // a warning does not fail

    f.init_present = false;                   // fail, install
    f.ucrun_runtime_paths.reset();            // fail, drop-in
    f.default_ulimits.reset();                // fail, the same drop-in
    f.registry_exists = false;                // fail, mkdir
    auto all = run_checks(f);
    CHECK(exit_code(all) == 1);
    CHECK(named(all, "init").status == Status::fail);

    auto actions = planned_actions(all);
    REQUIRE(actions.size() == 4);
    CHECK(actions[0].kind == ActionKind::install_packages);   // packages first
    CHECK(actions[1].kind == ActionKind::write_dropin);       // once, though two checks asked
    CHECK(actions[2].kind == ActionKind::make_registry);
    CHECK(actions[3].kind == ActionKind::start_syslog);
}

TEST_CASE("doctor: the remote registry answers, does not, or pulls lack skopeo", "[doctor]") {
    Facts f = healthy_facts();
    auto all = run_checks(f);
    CHECK(named(all, "remote-registry").status == Status::ok);
    CHECK(has(named(all, "remote-registry").message, "none configured"));

    f.remote_registry = "127.0.0.1:5999/u";
    f.skopeo_path = "/usr/bin/skopeo";
    CHECK(named(run_checks(f), "remote-registry").message ==
          "remote registry 127.0.0.1:5999/u answers (pulls with /usr/bin/skopeo)");

    f.remote_problem = "connection refused";
    auto down = named(run_checks(f), "remote-registry");
    CHECK(down.status == Status::fail);
    CHECK(down.message == "remote registry 127.0.0.1:5999/u does not answer: connection refused");
    CHECK(has(down.fix, "\"remote_registry\""));
    CHECK_FALSE(down.action);

    f.skopeo_path.clear();
    f.packages["skopeo"] = false;
    auto no_skopeo = named(run_checks(f), "remote-registry");
    CHECK(no_skopeo.status == Status::fail);
    REQUIRE(no_skopeo.action);
    CHECK(no_skopeo.action->packages == std::vector<std::string>{"skopeo"});
}
