#include "runtime/sys/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

extern char** environ;

namespace sys {
namespace {

std::vector<char*> c_argv(const Argv& argv) {
    std::vector<char*> out;
    out.reserve(argv.size() + 1);
    for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

// posix_spawn's attributes and file actions, destroyed with the scope.
class SpawnAttributes {
public:
    SpawnAttributes() {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnAttributes() {
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&actions);
    }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;

    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;
};

void check(int rc, const std::string& what) {
    if (rc != 0) throw SystemError(what, rc);
}

}  // namespace

void exec(const Argv& argv) {
    if (argv.empty()) throw Error("exec: empty argv");
    auto args = c_argv(argv);
    ::execvp(args[0], args.data());
    throw_errno("exec " + argv[0]);
}

Child& Child::operator=(Child&& o) noexcept {
    if (this != &o) {
        this->~Child();
        pid_ = o.release();
    }
    return *this;
}

Child::~Child() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int st;
        while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
        }
    }
}

int Child::wait() {
    int st = 0;
    while (::waitpid(pid_, &st, 0) < 0) {
        if (errno != EINTR) throw_errno("waitpid " + std::to_string(pid_));
    }
    pid_ = -1;
    return st;
}

Child spawn(const Argv& argv, const SpawnOptions& opts) {
    if (argv.empty()) throw Error("spawn: empty argv");
    auto args = c_argv(argv);
    std::vector<char*> envp;
    if (opts.env) envp = c_argv(*opts.env);
    SpawnAttributes sa;
    const std::string what = "spawn " + argv[0];
    // dup2 onto the target also clears FD_CLOEXEC when source and target are the same fd.
    if (opts.stdin_null)
        check(posix_spawn_file_actions_addopen(&sa.actions, 0, "/dev/null", O_RDONLY, 0), what + ": stdin");
    else if (opts.stdin_fd >= 0)
        check(posix_spawn_file_actions_adddup2(&sa.actions, opts.stdin_fd, 0), what + ": stdin");
    if (opts.stdout_fd >= 0) check(posix_spawn_file_actions_adddup2(&sa.actions, opts.stdout_fd, 1), what + ": stdout");
    if (opts.stderr_fd >= 0) check(posix_spawn_file_actions_adddup2(&sa.actions, opts.stderr_fd, 2), what + ": stderr");

    short flags = POSIX_SPAWN_SETSIGMASK;
    sigset_t none;
    sigemptyset(&none);
    check(posix_spawnattr_setsigmask(&sa.attr, &none), what + ": signal mask");
    if (!opts.default_signals.empty()) {
        sigset_t defaults;
        sigemptyset(&defaults);
        for (int sig : opts.default_signals) sigaddset(&defaults, sig);
        check(posix_spawnattr_setsigdefault(&sa.attr, &defaults), what + ": default signals");
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (opts.new_process_group) {
        check(posix_spawnattr_setpgroup(&sa.attr, 0), what + ": process group");
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    check(posix_spawnattr_setflags(&sa.attr, flags), what + ": flags");

    pid_t pid = -1;
    int rc = ::posix_spawnp(&pid, args[0], &sa.actions, &sa.attr, args.data(), opts.env ? envp.data() : environ);
    if (rc != 0) throw SystemError("exec " + argv[0], rc);
    return Child(pid);
}

RunResult run(const Argv& argv, const std::string& input) {
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC))
        throw_errno("pipe");
    UniqueFd in_r(in[0]), in_w(in[1]), out_r(out[0]), out_w(out[1]), err_r(err[0]), err_w(err[1]);
    SpawnOptions o;
    o.stdin_fd = in_r.get();
    o.stdout_fd = out_w.get();
    o.stderr_fd = err_w.get();
    Child child = spawn(argv, o);
    in_r.reset();
    out_w.reset();
    err_w.reset();
    if (!input.empty()) {
        // Inputs are small (resource JSON, etc.); a blocking write is enough.
        size_t off = 0;
        while (off < input.size()) {
            ssize_t n = ::write(in_w.get(), input.data() + off, input.size() - off);
            if (n < 0) {
                if (errno == EINTR) continue;
                break;
            }
            off += static_cast<size_t>(n);
        }
    }
    in_w.reset();
    RunResult r;
    pollfd fds[2] = {{out_r.get(), POLLIN, 0}, {err_r.get(), POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_count = 2;
    char buf[8192];
    while (open_count > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            throw_errno("poll");
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    r.exit_code = exit_code_of(child.wait());
    return r;
}

int exit_code_of(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return 255;
}

std::string join_argv(const Argv& argv) {
    std::string s;
    for (const auto& a : argv) {
        if (!s.empty()) s += ' ';
        bool plain = !a.empty() && a.find_first_of(" \t\n'\"\\$`|&;<>()*?![]{}~#") == std::string::npos;
        if (plain) {
            s += a;
        } else {
            s += '\'';
            for (char c : a) {
                if (c == '\'')
                    s += "'\\''";
                else
                    s += c;
            }
            s += '\'';
        }
    }
    return s;
}

std::vector<std::string> path_dirs(const std::string& path_env) {
    std::vector<std::string> dirs;
    size_t start = 0;
    while (start < path_env.size()) {
        size_t colon = path_env.find(':', start);
        std::string dir = path_env.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty()) dirs.push_back(dir);
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return dirs;
}

bool executable_file(const std::string& path) {
    struct stat st {};
    return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return executable_file(name) ? name : "";
    const char* path = ::getenv("PATH");
    for (const auto& dir : path_dirs(path ? path : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
        if (executable_file(dir + "/" + name)) return dir + "/" + name;
    return "";
}

}  // namespace sys
