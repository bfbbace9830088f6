#include "runtime/unikernel/accel.hpp"

#include <fcntl.h>
#include <linux/kvm.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun::unikernel {

AccelChoice choose_accel(const std::string& requested, const std::optional<std::string>& kvm_problem) {
    if (requested == "tcg") return {Accel::tcg, "TCG: requested"};
    if (requested == "kvm") {
        if (kvm_problem) throw sys::Error("KVM was requested but is not usable: " + *kvm_problem);
        return {Accel::kvm, "KVM: requested"};
    }
    if (requested != "auto" && !requested.empty())
        throw sys::Error("accelerator \"" + requested + "\": use auto, kvm or tcg");
    if (kvm_problem) return {Accel::tcg, "TCG (software emulation, slow): " + *kvm_problem};
    return {Accel::kvm, "KVM"};
}

std::optional<std::string> probe_kvm(const std::string& device, const std::string& sys_module) {
    if (::access((sys_module + "/kvm_pvm").c_str(), F_OK) == 0 &&
        ::access((sys_module + "/kvm_intel").c_str(), F_OK) != 0 &&
        ::access((sys_module + "/kvm_amd").c_str(), F_OK) != 0)
        return device + " is kvm-pvm (no hardware virtualization; ordinary guest kernels do not boot on it)";
    sys::UniqueFd fd(::open(device.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd) return "open " + device + ": " + std::strerror(errno);
    int version = ::ioctl(fd.get(), KVM_GET_API_VERSION, 0);
    if (version != KVM_API_VERSION)
        return device + ": KVM API version " + std::to_string(version) + ", expected " +
               std::to_string(KVM_API_VERSION);
    sys::UniqueFd vm(::ioctl(fd.get(), KVM_CREATE_VM, 0));
    if (!vm) return device + ": KVM_CREATE_VM: " + std::strerror(errno);
    return std::nullopt;
}

}  // namespace ucrun::unikernel
