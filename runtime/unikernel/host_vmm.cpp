#include "runtime/unikernel/host_vmm.hpp"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/unikernel/bundle.hpp"

namespace ucrun::unikernel {
namespace {

std::string real(const std::string& path, const std::string& what) {
    char buf[PATH_MAX];
    if (!::realpath(path.c_str(), buf)) {
        int err = errno;
        throw sys::Error(what + " " + path + " not found: " + std::strerror(err));
    }
    return buf;
}

std::string dirname_of(const std::string& p) { return p.substr(0, p.rfind('/')); }

}  // namespace

std::string usr_path_in_container(const std::string& host_path, const std::string& what) {
    if (host_path.compare(0, 5, "/usr/") != 0)
        throw sys::Error(what + " " + host_path + " is not under /usr, which is the only host directory "
                         "the VM's container sees (read-only at " + kUsrDir + ")");
    return std::string(kUsrDir) + host_path.substr(4);
}

HostVmm locate_vmm(const std::string& qemu) {
    HostVmm v;
    std::string qemu_real = real(qemu, "QEMU");
    if (::access(qemu_real.c_str(), X_OK) != 0)
        throw sys::Error("QEMU " + qemu_real + " is not executable: " + std::strerror(errno));
    v.qemu = usr_path_in_container(qemu_real, "QEMU");
    std::string loader = real("/lib64/ld-linux-x86-64.so.2", "dynamic loader");
    v.loader = usr_path_in_container(loader, "dynamic loader");
    v.library_path = usr_path_in_container(dirname_of(loader), "library directory");
    std::string modules = dirname_of(loader) + "/qemu";
    if (sys::path_exists(modules)) v.module_dir = usr_path_in_container(modules, "QEMU module directory");
    std::string share = dirname_of(dirname_of(qemu_real)) + "/share";
    for (const char* sub : {"/qemu", "/seabios"}) {
        std::string dir = share + sub;
        if (sys::path_exists(dir)) v.firmware_dirs.push_back(usr_path_in_container(dir, "firmware directory"));
    }
    // qboot (Debian's qemu-system-data ships it) starts a linux guest sooner than SeaBIOS
    // (docs/guest-kernel.md); without it QEMU's default firmware is used.
    if (sys::path_exists(share + "/qemu/qboot.rom"))
        v.linux_firmware = usr_path_in_container(share + "/qemu/qboot.rom", "firmware");
    return v;
}

}  // namespace ucrun::unikernel
