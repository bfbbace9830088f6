// ucrun-monitor: pid 1 of a unikernel container (a static program: no loader, no libraries).
//
//   ucrun-monitor --qmp SOCK --exit-fd N --stop-timeout SECONDS [--debug] [--no-thp] -- VMM ARGV...
//
// --exit-fd N: the VMM gets the write end of a pipe as fd N (QEMU's COM2 chardev writes to
// /proc/self/fd/N); the monitor reads the other end and keeps the first 4 KiB, discarding the rest,
// so a guest flooding COM2 grows nothing on the host.
// --no-thp: the VMM runs with transparent huge pages off (PR_SET_THP_DISABLE, inherited across
// exec). Under TCG a huge page buys nothing and costs memory: every guest page touched faults in
// 2 MiB of host memory (docs/guest-kernel.md).
// It starts the VMM (QEMU, through the host's loader) as its only child, with PR_SET_PDEATHSIG
// so that the VM never outlives it (and, as pid 1, its death ends the pid namespace anyway).
// SIGTERM/SIGINT/SIGPWR ask the guest to power down through QMP `system_powerdown`; the VMM is
// SIGKILLed when it has not exited STOP-TIMEOUT seconds later. SIGQUIT kills it at once. When the
// VMM exits, the monitor exits with the guest's code (docs/guest-contract.md, exit_status.hpp).
// Plain C++ on libc only, no exceptions and no allocation in the loop, so its RSS stays tiny.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/monitor/exit_status.hpp"

namespace {

struct Options {
    const char* qmp = nullptr;
    int exit_fd = -1;
    long stop_timeout_ms = 10000;
    bool debug = false;
    bool no_thp = false;
    char** vmm_argv = nullptr;
};

bool g_debug = false;

void say(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void say(const char* fmt, ...) {
    char buf[512];
    int n = snprintf(buf, sizeof buf, "ucrun-monitor: ");
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(buf + n, sizeof buf - n - 1, fmt, ap);
    va_end(ap);
    if (m < 0) m = 0;
    size_t len = static_cast<size_t>(n) + (static_cast<size_t>(m) < sizeof buf - n - 1 ? m : sizeof buf - n - 2);
    buf[len++] = '\n';
    (void)!write(2, buf, len);
}
#define DEBUG(...) \
    do {               \
        if (g_debug) say(__VA_ARGS__); \
    } while (0)

long now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

int usage(const char* why) {
    say("%s", why);
    say("usage: ucrun-monitor --qmp SOCK --exit-fd N [--stop-timeout SECONDS] [--debug] [--no-thp] -- VMM ARGS...");
    return 125;
}

bool parse(int argc, char** argv, Options& o, const char** err) {
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        auto value = [&](const char** out) {
            if (i + 1 >= argc) return false;
            *out = argv[++i];
            return true;
        };
        // The next argument as a decimal number in [lo, hi].
        auto number = [&](long lo, long hi, long* out) {
            const char* v;
            if (!value(&v)) return false;
            char* end;
            errno = 0;
            *out = strtol(v, &end, 10);
            return *v && !*end && errno == 0 && *out >= lo && *out <= hi;
        };
        if (strcmp(a, "--") == 0) {
            if (i + 1 >= argc) {
                *err = "no VMM command after --";
                return false;
            }
            o.vmm_argv = argv + i + 1;
            return o.qmp && o.exit_fd >= 0 ? true : (*err = "--qmp and --exit-fd are required", false);
        } else if (strcmp(a, "--qmp") == 0) {
            if (!value(&o.qmp)) return (*err = "--qmp needs a value", false);
        } else if (strcmp(a, "--exit-fd") == 0) {
            long fd;
            if (!number(3, 255, &fd)) return (*err = "--exit-fd needs a number in 3..255", false);
            o.exit_fd = static_cast<int>(fd);
        } else if (strcmp(a, "--stop-timeout") == 0) {
            long s;
            if (!number(0, 86400, &s)) return (*err = "--stop-timeout needs 0..86400 seconds", false);
            o.stop_timeout_ms = s * 1000;
        } else if (strcmp(a, "--debug") == 0) {
            o.debug = true;
        } else if (strcmp(a, "--no-thp") == 0) {
            o.no_thp = true;
        } else {
            *err = "unknown option (the VMM command follows --)";
            return false;
        }
    }
    *err = "missing -- VMM ARGS...";
    return false;
}

// The QMP conversation: capabilities, then system_powerdown; replies are drained and, with
// --debug, shown. Commands may be sent before the greeting is read.
class Qmp {
public:
    explicit Qmp(const char* path) : path_(path) {}
    ~Qmp() {
        if (fd_ >= 0) close(fd_);
    }
    int fd() const { return fd_; }
    bool sent() const { return sent_; }

    // Returns true once the request is written; false to retry later (socket not there yet).
    bool request_powerdown() {
        if (sent_) return true;
        if (fd_ < 0) {
            fd_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd_ < 0) return false;
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            strncpy(addr.sun_path, path_, sizeof addr.sun_path - 1);
            if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
                DEBUG("connect %s: %s (will retry)", path_, strerror(errno));
                close(fd_);
                fd_ = -1;
                return false;
            }
        }
        static const char kRequest[] =
            "{\"execute\":\"qmp_capabilities\"}\r\n{\"execute\":\"system_powerdown\"}\r\n";
        if (write(fd_, kRequest, sizeof kRequest - 1) != static_cast<ssize_t>(sizeof kRequest - 1)) {
            DEBUG("write to %s: %s (will retry)", path_, strerror(errno));
            close(fd_);
            fd_ = -1;
            return false;
        }
        sent_ = true;
        DEBUG("system_powerdown sent");
        return true;
    }

    void drain() {
        char buf[1024];
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) {
            close(fd_);
            fd_ = -1;
            return;
        }
        if (g_debug) (void)!write(2, buf, static_cast<size_t>(n));
    }

private:
    const char* path_;
    int fd_ = -1;
    bool sent_ = false;
};

// The guest's COM2 output, as read from the exit pipe: the first sizeof data bytes are kept.
struct ExitPipe {
    int fd = -1;   // read end; -1 once the writers are gone
    char data[4096];
    size_t len = 0;

    // Reads what is there; false when the pipe is at its end (no writer left).
    bool drain() {
        char discard[4096];
        for (;;) {
            char* to = len < sizeof data ? data + len : discard;
            size_t room = len < sizeof data ? sizeof data - len : sizeof discard;
            ssize_t n = read(fd, to, room);
            if (n > 0) {
                if (to != discard) len += static_cast<size_t>(n);
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EAGAIN) return true;
            close(fd);
            fd = -1;
            return false;
        }
    }
};

void on_signal(int) {}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    const char* err = nullptr;
    if (!parse(argc, argv, o, &err)) return usage(err);
    g_debug = o.debug;

    // Signals are read from a signalfd. They are blocked (so pid 1 still receives them: a blocked
    // signal is never discarded as "ignored") and also get a no-op handler.
    const int handled[] = {SIGTERM, SIGINT, SIGPWR, SIGQUIT, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2, SIGWINCH};
    sigset_t mask;
    sigemptyset(&mask);
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    for (int s : handled) {
        sigaddset(&mask, s);
        sigaction(s, &sa, nullptr);
    }
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    if (sfd < 0) {
        say("signalfd: %s", strerror(errno));
        return 125;
    }
    int exit_pipe[2];
    if (pipe2(exit_pipe, O_CLOEXEC) != 0) {
        say("pipe: %s", strerror(errno));
        return 125;
    }
    ExitPipe exits;
    exits.fd = exit_pipe[0];

    pid_t parent = getpid();
    pid_t vmm = fork();
    if (vmm < 0) {
        say("fork: %s", strerror(errno));
        return 125;
    }
    if (vmm == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(125);
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        for (int s : handled) sigaction(s, &dfl, nullptr);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (o.no_thp && prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) != 0) say("PR_SET_THP_DISABLE: %s", strerror(errno));
        // dup2 clears FD_CLOEXEC on the copy: the VMM keeps the write end as exit_fd.
        if (dup2(exit_pipe[1], o.exit_fd) < 0) {
            say("dup2 exit pipe: %s", strerror(errno));
            _exit(125);
        }
        execv(o.vmm_argv[0], o.vmm_argv);
        say("exec %s: %s", o.vmm_argv[0], strerror(errno));
        _exit(127);
    }
    DEBUG("started %s as pid %d", o.vmm_argv[0], static_cast<int>(vmm));
    close(exit_pipe[1]);
    fcntl(exits.fd, F_SETFL, O_NONBLOCK);

    Qmp qmp(o.qmp);
    bool stopping = false;
    bool killed = false;
    long deadline = 0;
    int status = 0;
    bool exited = false;
    while (!exited) {
        int timeout = -1;
        if (stopping && !killed) {
            long left = deadline - now_ms();
            if (left <= 0) {
                DEBUG("stop deadline reached: SIGKILL to the VMM");
                kill(vmm, SIGKILL);
                killed = true;
            } else {
                timeout = static_cast<int>(qmp.sent() ? left : (left < 100 ? left : 100));
                if (!qmp.sent()) qmp.request_powerdown();
            }
        }
        // The exit pipe's read end is polled while it has a writer (-1 entries are skipped).
        pollfd fds[3] = {{sfd, POLLIN, 0}, {exits.fd, POLLIN, 0}, {qmp.fd(), POLLIN, 0}};
        if (poll(fds, 3, timeout) < 0 && errno != EINTR) {
            say("poll: %s", strerror(errno));
            kill(vmm, SIGKILL);
        }
        if (exits.fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) exits.drain();
        if (qmp.fd() >= 0 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR))) qmp.drain();
        signalfd_siginfo si;
        while (read(sfd, &si, sizeof si) == static_cast<ssize_t>(sizeof si)) {
            int sig = static_cast<int>(si.ssi_signo);
            if (sig == SIGCHLD) continue;
            DEBUG("signal %d", sig);
            if (sig == SIGQUIT) {
                kill(vmm, SIGKILL);
                killed = true;
            } else if ((sig == SIGTERM || sig == SIGINT || sig == SIGPWR) && !stopping) {
                stopping = true;
                deadline = now_ms() + o.stop_timeout_ms;
                if (o.stop_timeout_ms == 0) {
                    kill(vmm, SIGKILL);
                    killed = true;
                } else {
                    qmp.request_powerdown();
                }
            }
        }
        int st;
        pid_t pid;
        while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
            if (pid == vmm) {
                status = st;
                exited = true;
            }
        }
    }
    // The VMM is gone, so the pipe has no writer left once anything it forked is gone too: read
    // what is buffered without waiting for that.
    if (exits.fd >= 0) exits.drain();
    int code = ucrun::monitor::container_exit_code(ucrun::monitor::parse_exit_file(exits.data, exits.len), status);
    DEBUG("VMM wait status 0x%x: exit code %d", status, code);
    return code;
}
