// The seam through which the image builder runs podman: tests record the argv, --dry-run prints it.
#pragma once
#include <functional>
#include <string>

#include "runtime/sys/process.hpp"

namespace ucompose::image {

class CommandRunner {
public:
    virtual ~CommandRunner() = default;
    virtual sys::RunResult run(const sys::Argv& argv) = 0;
};

// Runs the command for real (sys::run).
class SystemCommandRunner : public CommandRunner {
public:
    sys::RunResult run(const sys::Argv& argv) override { return sys::run(argv); }
};

// Prints each argv (shell-quoted) through `print` and reports success with no output, so that
// a content check finds nothing and the build step is printed too.
class DryRunCommandRunner : public CommandRunner {
public:
    explicit DryRunCommandRunner(std::function<void(const std::string&)> print) : print_(std::move(print)) {}
    sys::RunResult run(const sys::Argv& argv) override {
        print_(sys::join_argv(argv));
        return {0, {}, {}};
    }

private:
    std::function<void(const std::string&)> print_;
};

}  // namespace ucompose::image
