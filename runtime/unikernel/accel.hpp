// KVM or TCG: KVM when /dev/kvm exists and works, else TCG. An override comes from the
// annotation io.ucrun.accel, then the ucrun config "accel" (or UCRUN_ACCEL).
#pragma once
#include <optional>
#include <string>

#include "runtime/unikernel/resources.hpp"

namespace ucrun::unikernel {

inline constexpr const char* kAccelAnnotation = "io.ucrun.accel";

struct AccelChoice {
    Accel accel = Accel::tcg;
    std::string reason;   // for the log: "KVM: /dev/kvm works", "TCG: no /dev/kvm", ...
};

// Pure: `requested` is "auto", "kvm" or "tcg" (annotation first, else config); `kvm_problem` is
// nullopt when KVM works, else why not. Asking for kvm when it does not work is an error.
AccelChoice choose_accel(const std::string& requested, const std::optional<std::string>& kvm_problem);

// Opens /dev/kvm, checks the API version and creates (and drops) a VM, and refuses kvm-pvm
// (a paravirtual KVM without hardware virtualization, found on some cloud sandboxes: it only runs
// PVM-enabled guest kernels; here Debian's kernel hung at boot and a multiboot kernel took 5 s
// where TCG took 0.15 s). nullopt = usable.
std::optional<std::string> probe_kvm(const std::string& device = "/dev/kvm",
                                     const std::string& sys_module = "/sys/module");

}  // namespace ucrun::unikernel
