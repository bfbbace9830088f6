// Starting programs from argv vectors (never a shell string), with owned pids.
#pragma once
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace sys {

using Argv = std::vector<std::string>;

// Replaces the current process with argv[0] (searched in PATH when it has no '/').
// Returns only by throwing.
[[noreturn]] void exec(const Argv& argv);

// A child process that is killed (SIGKILL) and reaped unless waited for or released.
class Child {
public:
    Child() = default;
    explicit Child(pid_t pid) : pid_(pid) {}
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    Child(Child&& o) noexcept : pid_(o.release()) {}
    Child& operator=(Child&& o) noexcept;
    ~Child();

    pid_t pid() const { return pid_; }
    // Waits and returns the raw wait status.
    int wait();
    pid_t release() {
        pid_t p = pid_;
        pid_ = -1;
        return p;
    }

private:
    pid_t pid_ = -1;
};

struct SpawnOptions {
    // fds to dup onto the child's 0,1,2; -1 keeps the parent's.
    int stdin_fd = -1;
    int stdout_fd = -1;
    int stderr_fd = -1;
    bool stdin_null = false;  // stdin from /dev/null (instead of stdin_fd)
    std::optional<Argv> env;  // full environment ("K=V"), or inherit
    // The child leads a process group of its own: kill(-pid, sig) reaches it and what it starts,
    // and the terminal's Ctrl-C does not (ucompose's podman children).
    bool new_process_group = false;
    // Signals set back to SIG_DFL in the child. Others keep what exec keeps: a caught signal
    // becomes SIG_DFL, an ignored one stays ignored.
    std::vector<int> default_signals;
};

// The one way a program is started (posix_spawnp, never a shell): argv[0] searched in the
// parent's PATH when it has no '/', the child's signal mask empty, every fd without FD_CLOEXEC
// inherited (ucrun's delegate gets the preserved fds, the console and sync pipes conmon passes).
// An exec failure throws SystemError "exec ARGV0: <errno text>" (glibc's posix_spawn reports it;
// unlike execvp it never retries a file without #! under /bin/sh).
Child spawn(const Argv& argv, const SpawnOptions& opts = {});

struct RunResult {
    int exit_code = 0;  // 128+signal when killed by a signal
    std::string out;
    std::string err;
};

// Runs argv to completion, capturing stdout and stderr.
RunResult run(const Argv& argv, const std::string& input = {});

// Converts a wait status to a shell-style exit code.
int exit_code_of(int wait_status);

std::string join_argv(const Argv& argv);  // for messages and dry runs only

// The directories of a PATH-style list ("/a::/b" -> {"/a", "/b"}: empty entries dropped).
std::vector<std::string> path_dirs(const std::string& path_env);

// True for a regular file this process may execute.
bool executable_file(const std::string& path);

// argv[0] as exec would find it: a name with a '/' as is, else the first executable file in
// $PATH (a standard PATH when unset); "" when there is none.
std::string find_program(const std::string& name);

}  // namespace sys
