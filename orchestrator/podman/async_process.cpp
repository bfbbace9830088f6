#include "orchestrator/podman/async_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

#include "orchestrator/podman/wait_group.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

extern char** environ;

namespace ucompose {
namespace {

int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }

struct SpawnAttr {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
    SpawnAttr() {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnAttr() {
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&actions);
    }
    SpawnAttr(const SpawnAttr&) = delete;
    SpawnAttr& operator=(const SpawnAttr&) = delete;
};

}  // namespace

AsyncChild AsyncChild::spawn(const asio::any_io_executor& ex, const sys::Argv& argv) {
    if (argv.empty()) throw sys::Error("spawn: empty argv");
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) sys::throw_errno("pipe");
    sys::UniqueFd out_r(out_pipe[0]), out_w(out_pipe[1]);
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) sys::throw_errno("pipe");
    sys::UniqueFd err_r(err_pipe[0]), err_w(err_pipe[1]);

    SpawnAttr sa;
    posix_spawn_file_actions_addopen(&sa.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&sa.actions, out_w.get(), 1);
    posix_spawn_file_actions_adddup2(&sa.actions, err_w.get(), 2);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_setsigmask(&sa.attr, &none);
    posix_spawnattr_setsigdefault(&sa.attr, &defaults);
    posix_spawnattr_setpgroup(&sa.attr, 0);
    posix_spawnattr_setflags(&sa.attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                           POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_USEVFORK);

    std::vector<char*> cargv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawnp(&pid, cargv[0], &sa.actions, &sa.attr, cargv.data(), environ);
    if (rc != 0) throw sys::SystemError("run " + argv[0], rc);
    sys::Child owner(pid);  // killed and reaped if anything below throws
    int pfd = pidfd_open(pid);
    if (pfd < 0) sys::throw_errno("pidfd_open " + std::to_string(pid));
    out_w.reset();
    err_w.reset();
    AsyncChild child(pid, asio::posix::stream_descriptor(ex, pfd),
                     asio::posix::stream_descriptor(ex, out_r.release()),
                     asio::posix::stream_descriptor(ex, err_r.release()));
    owner.release();
    return child;
}

AsyncChild::~AsyncChild() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int st;
        while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
        }
    }
}

void AsyncChild::signal(int sig) {
    if (pid_ > 0) ::kill(-pid_, sig);
}

Task<int> AsyncChild::reap() {
    boost::system::error_code ec;
    co_await pidfd_.async_wait(asio::posix::descriptor_base::wait_read,
                               asio::redirect_error(asio::use_awaitable, ec));
    int st = 0;
    while (::waitpid(pid_, &st, 0) < 0) {
        if (errno != EINTR) sys::throw_errno("waitpid " + std::to_string(pid_));
    }
    pid_ = -1;
    co_return sys::exit_code_of(st);
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
