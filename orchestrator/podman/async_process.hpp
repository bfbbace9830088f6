// Child processes on an Asio loop: spawned from an argv vector by sys::spawn (never a shell),
// in their own process group (a Ctrl-C on the terminal reaches ucompose only), with their
// stdout/stderr as pipes read concurrently, and their exit observed through a pidfd.
// The child is owned: one that was not waited for is killed and reaped on destruction.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "orchestrator/podman/asio.hpp"
#include "runtime/sys/process.hpp"

namespace ucompose {

using LineSink = std::function<void(std::string_view line)>;

class AsyncChild {
public:
    // stdin is /dev/null; stdout and stderr are pipes.
    static AsyncChild spawn(const asio::any_io_executor& ex, const sys::Argv& argv);

    AsyncChild(AsyncChild&& o) noexcept = default;
    AsyncChild& operator=(AsyncChild&&) = delete;
    AsyncChild(const AsyncChild&) = delete;
    AsyncChild& operator=(const AsyncChild&) = delete;

    pid_t pid() const { return child_.pid(); }
    // Sends sig to the child's process group (no-op once reaped).
    void signal(int sig);

    // Reads everything from stdout and stderr, then reaps. Returns {exit code, out, err}.
    Task<sys::RunResult> collect();
    // Calls the sinks for each line as it arrives, then reaps. Returns the exit code.
    Task<int> stream(LineSink out, LineSink err);

private:
    AsyncChild(sys::Child child, asio::posix::stream_descriptor pidfd, asio::posix::stream_descriptor out,
               asio::posix::stream_descriptor err)
        : child_(std::move(child)), pidfd_(std::move(pidfd)), out_(std::move(out)), err_(std::move(err)) {}
    Task<int> reap();

    sys::Child child_;  // killed (SIGKILL) and reaped on destruction unless reaped
    asio::posix::stream_descriptor pidfd_;
    asio::posix::stream_descriptor out_;
    asio::posix::stream_descriptor err_;
};

// Reads a descriptor to EOF, calling sink per line (without '\n'; a last unterminated line too).
Task<void> read_lines(asio::posix::stream_descriptor& fd, LineSink sink);
// Reads a descriptor to EOF.
Task<std::string> read_all(asio::posix::stream_descriptor& fd);

}  // namespace ucompose
