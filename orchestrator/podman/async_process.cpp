#include "orchestrator/podman/async_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "orchestrator/podman/wait_group.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucompose {
namespace {

int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }

}  // namespace

AsyncChild AsyncChild::spawn(const asio::any_io_executor& ex, const sys::Argv& argv) {
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) sys::throw_errno("pipe");
    sys::UniqueFd out_r(out_pipe[0]), out_w(out_pipe[1]);
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) sys::throw_errno("pipe");
    sys::UniqueFd err_r(err_pipe[0]), err_w(err_pipe[1]);

    sys::SpawnOptions so;
    so.stdin_null = true;
    so.stdout_fd = out_w.get();
    so.stderr_fd = err_w.get();
    so.new_process_group = true;
    // podman's own handling of these must not depend on what ucompose ignores or catches.
    so.default_signals = {SIGINT, SIGTERM, SIGPIPE, SIGCHLD};
    sys::Child child = sys::spawn(argv, so);  // killed and reaped if anything below throws
    sys::UniqueFd pidfd(pidfd_open(child.pid()));
    if (!pidfd) sys::throw_errno("pidfd_open " + std::to_string(child.pid()));
    out_w.reset();
    err_w.reset();
    return AsyncChild(std::move(child), asio::posix::stream_descriptor(ex, pidfd.release()),
                      asio::posix::stream_descriptor(ex, out_r.release()),
                      asio::posix::stream_descriptor(ex, err_r.release()));
}

void AsyncChild::signal(int sig) {
    if (child_.pid() > 0) ::kill(-child_.pid(), sig);
}

Task<int> AsyncChild::reap() {
    boost::system::error_code ec;
    co_await pidfd_.async_wait(asio::posix::descriptor_base::wait_read,
                               asio::redirect_error(asio::use_awaitable, ec));
    co_return sys::exit_code_of(child_.wait());
}

Task<void> read_lines(asio::posix::stream_descriptor& fd, LineSink sink) {
    std::string buf;
    char chunk[8192];
    for (;;) {
        boost::system::error_code ec;
        std::size_t n = co_await fd.async_read_some(asio::buffer(chunk),
                                                    asio::redirect_error(asio::use_awaitable, ec));
        buf.append(chunk, n);
        std::size_t start = 0, nl;
        while ((nl = buf.find('\n', start)) != std::string::npos) {
            sink(std::string_view(buf).substr(start, nl - start));
            start = nl + 1;
        }
        buf.erase(0, start);
        if (ec) break;
    }
    if (!buf.empty()) sink(buf);
}

Task<std::string> read_all(asio::posix::stream_descriptor& fd) {
    std::string out;
    char chunk[8192];
    for (;;) {
        boost::system::error_code ec;
        std::size_t n = co_await fd.async_read_some(asio::buffer(chunk),
                                                    asio::redirect_error(asio::use_awaitable, ec));
        out.append(chunk, n);
        if (ec) break;
    }
    co_return out;
}

Task<sys::RunResult> AsyncChild::collect() {
    auto ex = co_await asio::this_coro::executor;
    sys::RunResult result;
    WaitGroup group(ex);
    group.add();
    asio::co_spawn(
        ex,
        [&]() -> Task<void> {
            result.err = co_await read_all(err_);
            group.done();
        },
        asio::detached);
    result.out = co_await read_all(out_);
    co_await group.wait();
    result.exit_code = co_await reap();
    co_return result;
}

Task<int> AsyncChild::stream(LineSink out, LineSink err) {
    auto ex = co_await asio::this_coro::executor;
    WaitGroup group(ex);
    group.add();
    asio::co_spawn(
        ex,
        [&]() -> Task<void> {
            co_await read_lines(err_, err);
            group.done();
        },
        asio::detached);
    co_await read_lines(out_, out);
    co_await group.wait();
    co_return co_await reap();
}

}  // namespace ucompose
