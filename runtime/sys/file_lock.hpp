// An exclusive advisory lock (flock) that a local user cannot hold against us: the lock file lives
// in <dir>/.locks/, a directory that is 0700 and owned by the caller (checked, never followed
// through a link), and a wait is bounded, so an operation waiting for another one times out with a
// one-line error instead of hanging forever. Released when the object goes.
#pragma once
#include <chrono>
#include <string>

#include "runtime/sys/unique_fd.hpp"

namespace sys {

class FileLock {
public:
    // Locks <dir>/.locks/<name>, making dir and .locks as needed. Throws sys::Error
    // "waited <s> s for <path>: another <what> holds it" on timeout.
    FileLock(const std::string& dir, const std::string& name, const std::string& what,
             std::chrono::milliseconds timeout);
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
    UniqueFd fd_;
};

}  // namespace sys
