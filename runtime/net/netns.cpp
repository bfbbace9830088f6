#include "runtime/net/netns.hpp"

#include <fcntl.h>
#include <linux/magic.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <exception>
#include <thread>

#include "runtime/sys/error.hpp"

namespace ucrun::net {

sys::UniqueFd open_netns(const std::string& path) {
    sys::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT) return {};
        sys::throw_errno("open netns " + path);
    }
    struct statfs st{};
    if (::fstatfs(fd.get(), &st) != 0) sys::throw_errno("statfs netns " + path);
    if (st.f_type != NSFS_MAGIC) return {};
    return fd;
}

bool is_host_netns(const sys::UniqueFd& netns) {
    struct stat ours{}, host{};
    if (::fstat(netns.get(), &ours) != 0) sys::throw_errno("stat netns");
    if (::stat("/proc/self/ns/net", &host) != 0) sys::throw_errno("stat /proc/self/ns/net");
    return ours.st_dev == host.st_dev && ours.st_ino == host.st_ino;
}

void run_in_netns(const sys::UniqueFd& netns, const std::string& path, const std::function<void()>& fn) {
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            if (::setns(netns.get(), CLONE_NEWNET) != 0) sys::throw_errno("setns " + path);
            fn();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    worker.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace ucrun::net
