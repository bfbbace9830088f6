// docker compose's (or podman-compose's) rules for an attached `up`: when to stop everything, and the exit code,
// decided from the sequence of container exits (pure; tested as data).
#pragma once
#include <optional>
#include <string>

namespace ucompose {

// The exit code `podman wait` printed ("42\n"), or nullopt when it printed nothing or something
// else: a failure to learn the code must never read as exit 0.
std::optional<int> parse_wait_output(const std::string& text);

// The exit code to report for a `podman wait` that succeeded with `text`: the container's code,
// else 1 (docker compose's exit for a failed wait).
inline int wait_exit_code(const std::string& text) { return parse_wait_output(text).value_or(1); }

struct ExitPolicyOptions {
    bool abort_on_container_exit = false;
    bool abort_on_container_failure = false;
    std::optional<std::string> exit_code_from;  // implies abort_on_container_exit
    // podman-compose's exit code (compat mode): --abort-on-container-exit alone exits 0, whatever
    // the container's code; --abort-on-container-failure and --exit-code-from as docker's.
    bool podman_compose = false;
};

inline ExitPolicyOptions exit_options(ExitPolicyOptions o, bool podman_compose) {
    o.podman_compose = podman_compose;
    return o;
}

class ExitPolicy {
public:
    explicit ExitPolicy(ExitPolicyOptions o);
    // A container of `service` exited with `code`. Returns true when everything must stop now
    // (only once: later exits return false).
    bool on_exit(const std::string& service, int code);
    // Ctrl-C.
    void on_interrupt() { interrupted_ = true; }
    bool aborting() const { return aborting_; }
    // The exit code of `up` once every container has exited.
    int exit_code() const;

private:
    ExitPolicyOptions o_;
    bool aborting_ = false;
    bool interrupted_ = false;
    std::optional<std::string> code_from_;
    int code_ = 0;
};

}  // namespace ucompose
