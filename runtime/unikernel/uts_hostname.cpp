#include "runtime/unikernel/uts_hostname.hpp"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <thread>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun::unikernel {

std::string hostname_in_uts(const std::string& ns_path) {
    sys::UniqueFd ns(::open(ns_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!ns) sys::throw_errno("open UTS namespace " + ns_path);
    std::string name;
    int err = 0;
    std::thread reader([&] {
        char buf[HOST_NAME_MAX + 1] = {};
        if (::setns(ns.get(), CLONE_NEWUTS) != 0 || ::gethostname(buf, sizeof buf - 1) != 0) {
            err = errno;
            return;
        }
        name = buf;
    });
    reader.join();
    if (err) throw sys::SystemError("join UTS namespace " + ns_path, err);
    return name;
}

}  // namespace ucrun::unikernel
