// Errors that carry what failed, on what, and why. Thrown deep, caught once in main.
#pragma once
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sys {

// A failure with its full context already in the message:
// "open /run/ucrun/x/state.json: No such file or directory".
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// The errno of a failed system call, kept so callers can branch on it (ENOENT...).
class SystemError : public Error {
public:
    SystemError(const std::string& what, int err)
        : Error(what + ": " + std::strerror(err)), code_(err) {}
    int code() const { return code_; }

private:
    int code_;
};

// Throws SystemError(what, errno). Call right after the failing call.
[[noreturn]] inline void throw_errno(const std::string& what) { throw SystemError(what, errno); }

}  // namespace sys
