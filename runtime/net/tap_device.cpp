#include "runtime/net/tap_device.hpp"

#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>

#include <cstring>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun::net {

void create_persistent_tap(const std::string& name, uid_t uid, gid_t gid) {
    if (name.empty() || name.size() >= IFNAMSIZ)
        throw sys::Error("tap name '" + name + "' must have 1 to " + std::to_string(IFNAMSIZ - 1) +
                         " characters");
    sys::UniqueFd fd(::open("/dev/net/tun", O_RDWR | O_CLOEXEC));
    if (!fd) sys::throw_errno("open /dev/net/tun");
    ifreq ifr{};
    std::memcpy(ifr.ifr_name, name.c_str(), name.size());
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_TUN_EXCL;
    if (::ioctl(fd.get(), TUNSETIFF, &ifr) != 0) {
        if (errno == EBUSY) throw sys::Error("create tap " + name + ": an interface of that name exists");
        sys::throw_errno("create tap " + name);
    }
    // Until TUNSETPERSIST succeeds, closing fd destroys the tap: a failure leaves nothing.
    if (::ioctl(fd.get(), TUNSETOWNER, static_cast<unsigned long>(uid)) != 0)
        sys::throw_errno("set owner " + std::to_string(uid) + " of tap " + name);
    if (::ioctl(fd.get(), TUNSETGROUP, static_cast<unsigned long>(gid)) != 0)
        sys::throw_errno("set group " + std::to_string(gid) + " of tap " + name);
    if (::ioctl(fd.get(), TUNSETPERSIST, 1UL) != 0) sys::throw_errno("make tap " + name + " persistent");
}

}  // namespace ucrun::net
