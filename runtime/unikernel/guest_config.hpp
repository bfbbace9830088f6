// What the guest is told about its container (pure), per docs/guest-contract.md:
// linux guests get files under /ucrun/ in an appended cpio, multiboot guests a Unikraft-style
// cmdline, disk guests only their NIC.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "runtime/unikernel/network.hpp"
#include "runtime/unikernel/resources.hpp"

namespace ucrun::unikernel {

struct GuestProcess {
    std::vector<std::string> args;   // process.args
    std::vector<std::string> env;    // process.env
    std::string cwd = "/";
    std::string hostname;
};

// One entry of the /ucrun/ tree a linux guest is given.
struct GuestFile {
    std::string name;   // relative, no leading '/': "ucrun", "ucrun/args"
    bool directory = false;
    std::string data;   // files only
    unsigned mode = 0;  // permission bits
};

// The linux guest's /ucrun/{args,env,cwd,net,seed} entries (net only with a NIC, seed only when
// given: random bytes the init credits to the kernel's RNG).
std::vector<GuestFile> linux_config_entries(const GuestProcess& p, const std::optional<GuestNic>& nic,
                                            const std::string& seed = {});

// The entries as a newc cpio archive (sys::CpioWriter), to append to the image's initrd.
std::string config_archive(const std::vector<GuestFile>& entries);

// The /ucrun/net text: mac= ip= prefix= gw= dns= (each) search= hostname= lines.
std::string net_file(const GuestNic& nic, const std::string& hostname);

// "console=ttyS0 quiet panic=-1 no_timer_check" (the IO-APIC timer check waits 4 ticks, 40 ms,
// for chipsets QEMU does not emulate), under TCG "nolapic_timer" (the local APIC timer's
// calibration waits 100 ms of emulated time; the PIT/HPET tick serves instead), then the image's
// cmdline. docs/guest-kernel.md has the measurements.
std::string linux_cmdline(const std::string& image_cmdline, Accel accel);

// The image's cmdline, then `netdev.ip=<ip>/<prefix>:<gw>:<dns>` (with a NIC that has an IP),
// `env.vars=[ K=V ... ]` and `-- <args[1..]>`. argv[0] is the container's entrypoint (a
// placeholder for the kernel), so it is not passed. Env entries and args with whitespace or
// quotes cannot be expressed in Unikraft's syntax and are left out (listed in `dropped`).
std::string multiboot_cmdline(const std::string& image_cmdline, const GuestProcess& p,
                              const std::optional<GuestNic>& nic, std::vector<std::string>* dropped = nullptr);

}  // namespace ucrun::unikernel
