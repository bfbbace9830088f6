// prepare(): turns a unikernel container's bundle into a derived bundle whose process is the
// monitor, which runs QEMU. cleanup() undoes it. The decisions are in the pure files
// (resources, qemu_argv, guest_config, bundle); this file gathers facts and writes files.
#include "runtime/unikernel/unikernel.hpp"

#include "runtime/oci/fault.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/oci/log.hpp"
#include "runtime/unikernel/accel.hpp"
#include "runtime/unikernel/bundle.hpp"
#include "runtime/unikernel/guest_config.hpp"
#include "runtime/unikernel/host_vmm.hpp"
#include "runtime/unikernel/initrd.hpp"
#include "runtime/unikernel/kernel_cache.hpp"
#include "runtime/unikernel/limits.hpp"
#include "runtime/unikernel/network.hpp"
#include "runtime/unikernel/qemu_argv.hpp"
#include "runtime/unikernel/resources.hpp"
#include "runtime/unikernel/uts_hostname.hpp"

namespace ucrun::unikernel {
namespace {

std::string annotation(const Spec& spec, const char* key) {
    auto it = spec.annotations.find(key);
    return it == spec.annotations.end() ? std::string() : it->second;
}

std::optional<CharDevice> host_char_device(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISCHR(st.st_mode)) return std::nullopt;
    return CharDevice{path, static_cast<long>(major(st.st_rdev)), static_cast<long>(minor(st.st_rdev))};
}

int host_cpus() {
    long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 1;
}

std::string vm_dir_of(const std::string& state_dir) { return state_dir + "/vm"; }

// 64 bytes from the host's CSPRNG for the guest's RNG (docs/guest-contract.md, /ucrun/seed).
std::string random_seed() {
    std::string seed(64, '\0');
    size_t got = 0;
    while (got < seed.size()) {
        ssize_t n = ::getrandom(seed.data() + got, seed.size() - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) sys::throw_errno("getrandom");
        got += static_cast<size_t>(n);
    }
    return seed;
}
std::string bundle_dir_of(const std::string& state_dir) { return state_dir + "/bundle"; }
// The VMM's root: an empty directory of ucrun's own, never the image's rootfs (bundle.hpp).
std::string root_dir_of(const std::string& state_dir) { return state_dir + "/root"; }

// The host id that a user namespace maps in-container id 0 to (`key` = "uidMappings" or
// "gidMappings"), or 0 without one: the owner of the VMM's root, so that crun, working inside
// the namespace, may make mount points in it.
unsigned mapped_root(const Spec& spec, const char* key) {
    const auto& raw = spec.raw;
    if (!raw.contains("linux") || !raw["linux"].contains(key) || !raw["linux"][key].is_array()) return 0;
    for (const auto& m : raw["linux"][key])
        if (m.is_object() && m.value("containerID", 1u) == 0 && m.contains("hostID") && m["hostID"].is_number_unsigned())
            return m["hostID"].get<unsigned>();
    return 0;
}

// config.json's hostname; a container that joins another's UTS namespace (a pod's app container)
// has none, and gets the namespace's.
std::string guest_hostname(const Spec& spec) {
    if (!spec.hostname.empty()) return spec.hostname;
    auto uts = spec.namespace_path("uts");
    return uts && !uts->empty() ? hostname_in_uts(*uts) : std::string();
}

}  // namespace

std::string prepare(const PrepareRequest& req) {
    const Spec& spec = req.spec;
    const Source& src = req.source;
    const std::string who = "container `" + req.id + "` (" + src.origin + ")";
    try {
        if (::access(req.config.monitor.c_str(), X_OK) != 0)
            throw sys::Error("monitor " + req.config.monitor + ": " + std::strerror(errno) +
                             " (install ucrun-monitor, or set \"monitor\" in the ucrun config)");
        HostVmm vmm = locate_vmm(req.config.qemu);

        std::string requested = annotation(spec, kAccelAnnotation);
        if (requested.empty()) requested = req.config.accel;
        std::optional<std::string> kvm_problem;
        if (requested != "tcg") kvm_problem = probe_kvm();
        AccelChoice accel = choose_accel(requested, kvm_problem);
        log_info(req.globals, "container " + req.id + ": accelerator " + accel.reason);

        Resources res = derive_resources({spec.memory_limit, spec.cpu_quota, spec.cpu_period, src.memory_mib,
                                          accel.accel, host_cpus()});
        bool debug = req.globals.debug || annotation(spec, kDebugAnnotation) == "1";

        std::string vm_dir = vm_dir_of(req.state_dir);
        std::string bundle_dir = bundle_dir_of(req.state_dir);
        std::string root_dir = root_dir_of(req.state_dir);
        sys::make_dirs(vm_dir, 0755);
        sys::make_dirs(bundle_dir, 0700);
        sys::make_dirs(root_dir, 0755);
        if (uid_t ru = mapped_root(spec, "uidMappings"), rg = mapped_root(spec, "gidMappings"); ru != 0 || rg != 0)
            if (::chown(root_dir.c_str(), ru, rg) != 0) sys::throw_errno("chown " + root_dir);

        std::unique_ptr<Network> network = default_network();
        std::optional<GuestNic> nic = network->attach({spec, req.id, req.state_dir});
        fault_point(req.config.debug_fault_points, spec.annotations, "tap");

        GuestProcess process{spec.args, spec.env, spec.cwd, guest_hostname(spec)};
        VmPlan plan;
        plan.name = req.id.substr(0, 12);
        plan.accel = accel.accel;
        plan.resources = res;
        plan.kind = src.kind;
        plan.qmp_socket = std::string(kVmDir) + "/qmp.sock";
        plan.exit_file = "/proc/self/fd/" + std::to_string(kExitFd);  // the monitor's exit pipe
        plan.firmware_dirs = vmm.firmware_dirs;
        plan.firmware = vmm.linux_firmware;
        plan.nic = nic;

        std::vector<BindMount> binds = {
            {kUsrDir, "/usr", true, true, true},
            {kMonitorPath, req.config.monitor, true, true, false},
            {kVmDir, vm_dir, false, false, false},
        };
        auto bind_guest_file = [&](const std::string& host, const char* name) {
            std::string dest = std::string(kGuestDir) + "/" + name;
            binds.push_back({dest, host, true, false, false});
            return dest;
        };
        switch (src.kind) {
        case GuestKind::linux_: {
            plan.kernel = bind_guest_file(unpacked_kernel(src.kernel, req.config.cache), "kernel");
            std::string cmdline = src.cmdline;
            if (debug) cmdline += cmdline.empty() ? "ucrun.debug" : " ucrun.debug";
            plan.append = linux_cmdline(cmdline, accel.accel);
            write_guest_initrd(src.initrd, config_archive(linux_config_entries(process, nic, random_seed())),
                               vm_dir + "/initrd");
            plan.initrd = std::string(kVmDir) + "/initrd";
            break;
        }
        case GuestKind::multiboot: {
            plan.kernel = bind_guest_file(src.kernel, "kernel");
            if (!src.initrd.empty()) plan.initrd = bind_guest_file(src.initrd, "initrd");
            std::vector<std::string> dropped;
            plan.append = multiboot_cmdline(src.cmdline, process, nic, &dropped);
            for (const auto& d : dropped)
                log_info(req.globals, "container " + req.id + ": not passed on the multiboot cmdline (whitespace or quotes): " + d);
            break;
        }
        case GuestKind::disk:
            plan.disk = bind_guest_file(src.disk, "disk");
            break;
        }

        BundlePlan bundle;
        bundle.rootfs = root_dir;
        bundle.args = launch_argv({kMonitorPath, plan.qmp_socket, kExitFd, req.config.stop_timeout_s, debug,
                                   accel.accel == Accel::tcg, vmm.loader, vmm.library_path, vmm.qemu},
                                  qemu_args(plan));
        bundle.env = {"HOME=/", "TMPDIR=" + std::string(kTmpDir)};
        if (!vmm.module_dir.empty()) bundle.env.push_back("QEMU_MODULE_DIR=" + vmm.module_dir);
        bundle.binds = binds;
        // QEMU's snapshot=on overlay (disk guests) and any temp file: a bounded tmpfs whose pages
        // are charged to the container's memory cgroup, not /run on the host.
        bundle.tmpfs = {{kTmpDir, kOverlayMaxBytes, "1777"}};
        if (auto tun = host_char_device("/dev/net/tun")) bundle.devices.push_back(*tun);
        if (accel.accel == Accel::kvm) {
            auto kvm = host_char_device("/dev/kvm");
            if (!kvm) throw sys::Error("/dev/kvm is not a character device");
            bundle.devices.push_back(*kvm);
        }
        // A non-root container user must still be able to create the QMP socket and exit file.
        if (spec.raw.contains("process") && spec.raw["process"].contains("user")) {
            const auto& user = spec.raw["process"]["user"];
            uid_t uid = user.value("uid", 0u);
            gid_t gid = user.value("gid", 0u);
            if ((uid != 0 || gid != 0) && ::chown(vm_dir.c_str(), uid, gid) != 0) sys::throw_errno("chown " + vm_dir);
        }
        sys::write_file_atomic(bundle_dir + "/config.json", derive_config(spec.raw, bundle).dump(2) + "\n", 0600);
        return bundle_dir;
    } catch (const sys::Error& e) {
        throw sys::Error(who + ": " + e.what());
    }
}

void cleanup(const std::string& id, const std::string& state_dir, const Config&) {
    std::string first_error;
    try {
        default_network()->detach(id, state_dir);
    } catch (const std::exception& e) {
        first_error = e.what();
    }
    try {
        sys::remove_tree(bundle_dir_of(state_dir));
        sys::remove_tree(vm_dir_of(state_dir));
        sys::remove_tree(root_dir_of(state_dir));
    } catch (const std::exception& e) {
        if (first_error.empty()) throw;
        throw sys::Error(first_error + "; and then: " + e.what());
    }
    if (!first_error.empty()) throw sys::Error(first_error);
}

std::string exec_refusal(const std::string& id) {
    return "exec is not supported in container `" + id +
           "`: it is a unikernel, and the VM has no process to exec into";
}

}  // namespace ucrun::unikernel
