#include "runtime/sys/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace sys {

FileLock::FileLock(const std::string& dir, const std::string& name, const std::string& what,
                   std::chrono::milliseconds timeout) {
    make_dirs(dir, 0755);
    const std::string locks = dir + "/.locks";
    if (::mkdir(locks.c_str(), 0700) != 0 && errno != EEXIST) throw_errno("mkdir " + locks);
    struct stat st {};
    if (::lstat(locks.c_str(), &st) != 0) throw_errno("stat " + locks);
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
        throw Error(locks + ": not a directory of ours (uid " + std::to_string(::geteuid()) + "); refusing to lock in it");
    if ((st.st_mode & 077) != 0 && ::chmod(locks.c_str(), 0700) != 0) throw_errno("chmod 0700 " + locks);
    path_ = locks + "/" + name;
    fd_ = UniqueFd(::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd_) throw_errno("open " + path_);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno != EWOULDBLOCK) throw_errno("lock " + path_);
        if (std::chrono::steady_clock::now() >= deadline)
            throw Error("waited " + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) +
                        " s for " + path_ + ": another " + what + " holds it");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

}  // namespace sys
