// A host where every doctor check passes; each test breaks one fact of it.
#pragma once
#include "orchestrator/doctor/facts.hpp"

inline ucompose::doctor::Facts healthy_facts() {
    ucompose::doctor::Facts f;
    f.podman = {"/usr/bin/podman", "podman version 4.3.1", ""};
    f.crun = {"/usr/bin/crun", "crun version 1.8.1", ""};
    f.conmon = {"/usr/bin/conmon", "conmon version 2.1.6", ""};
    f.netavark = {"/usr/lib/podman/netavark", "netavark 1.4.0", ""};
    f.oci_runtime = "crun";
    f.network_backend = "netavark";
    f.ucrun_runtime_paths = std::vector<std::string>{"/usr/local/bin/ucrun"};
    f.path_exists["/usr/local/bin/ucrun"] = true;
    f.runtime_supports_json = {"crun", "runc", "ucrun"};
    f.runtime_supports_json_set = true;
    f.default_ulimits = std::vector<std::string>{"nofile=20000:20000", "nproc=32768:32768"};
    f.init_present = true;
    f.ucrun_bin_exists = true;
    f.packages = {{"catatonit", true}, {"podman", true}, {"qemu-system-x86", true}};
    f.cgroup_hybrid = true;
    f.unified_controllers = "";
    f.hugetlb_v1_mounted = true;
    f.hard_nofile = 20000;
    f.hard_nproc = 96365;
    f.pid_max = 32768;
    f.nr_open = 1048576;
    f.kvm_exists = true;
    f.tun_present = true;
    f.ucrun_config_exists = true;
    f.qemu_version = "QEMU emulator version 7.2.19";
    f.qboot = "/usr/share/qemu/qboot.rom";
    f.seabios = "/usr/share/seabios/bios-256k.bin";
    f.kernels_root = "/var/lib/ucrun/kernels";
    f.kernel_name = "6.1.192-abcdef";
    f.kernel_release = "6.1.192";
    f.registry_exists = f.registry_is_dir = f.registry_writable = true;
    f.dev_log_socket = true;
    f.root = true;
    return f;
}
