// The QEMU command line and the monitor's command line around it (pure, golden-tested).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "runtime/unikernel/network.hpp"
#include "runtime/unikernel/resources.hpp"
#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

using Argv = std::vector<std::string>;

// Every path here is as the VMM sees it inside the container.
struct VmPlan {
    std::string name;                 // shown by QEMU (-name), the container id's first 12 chars
    Accel accel = Accel::tcg;
    Resources resources;
    GuestKind kind = GuestKind::multiboot;
    std::string kernel;               // linux, multiboot
    std::string initrd;               // linux (required), multiboot (optional)
    std::string disk;                 // disk
    std::string append;               // kernel cmdline; unused for disk
    std::string qmp_socket;           // QMP server socket
    std::string exit_file;            // COM2: the guest writes "exit=N" (docs/guest-contract.md);
                                      // /proc/self/fd/<kExitFd>, the monitor's exit pipe
    std::vector<std::string> firmware_dirs;  // -L
    std::string firmware;                    // -bios for linux guests ("" = QEMU's default)
    std::optional<GuestNic> nic;
};

// The arguments after the QEMU binary. Console on COM1 = stdio (the container's stdout), the
// exit code on COM2 = exit_file, isa-debug-exit at 0xf4, no reboot (a reboot ends the VM),
// -sandbox on. -M pc under both accelerators, with qboot for linux guests when it is given
// (docs/guest-kernel.md has the measurements behind both choices).
Argv qemu_args(const VmPlan& p);

// The fd on which the monitor hands QEMU its exit pipe (runtime/monitor/main.cpp, --exit-fd).
inline constexpr int kExitFd = 3;

struct LaunchPlan {
    std::string monitor;          // the monitor binary
    std::string qmp_socket;
    int exit_fd = kExitFd;
    int stop_timeout_s = 10;
    bool debug = false;
    bool no_thp = false;          // under TCG: no transparent huge pages for QEMU (memory)
    std::string loader;           // the host's dynamic loader ("" = exec qemu directly)
    std::string library_path;     // for the loader's --library-path
    std::string qemu;             // the QEMU binary
};

// monitor --qmp S --exit-fd N --stop-timeout N [--debug] [--no-thp] -- [loader --library-path L] qemu args...
Argv launch_argv(const LaunchPlan& l, const Argv& qemu_args);

// QEMU's option syntax: a ',' inside a value is written ",,".
std::string qemu_escape(const std::string& value);

}  // namespace ucrun::unikernel
