#include <signal.h>
#include <sys/wait.h>

#include <iostream>
#include <set>

#include "orchestrator/podman/client.hpp"
#include "runtime/sys/error.hpp"

namespace ucompose {

std::string PodmanResult::message() const {
    std::string best;
    std::size_t pos = 0;
    while (pos < err.size()) {
        std::size_t nl = err.find('\n', pos);
        std::string line = err.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? err.size() : nl + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line.find("level=warning") != std::string::npos) continue;
        best = line;
        if (best.rfind("Error: ", 0) == 0) best = best.substr(7);
    }
    if (best.empty()) best = "exit status " + std::to_string(exit_code);
    return best;
}

namespace {

class RealPodmanClient : public PodmanClient {
public:
    explicit RealPodmanClient(PodmanConfig config) : config_(std::move(config)) {}

    Task<PodmanResult> run(PodmanCommand command) override {
        auto ex = co_await asio::this_coro::executor;
        AsyncChild child = AsyncChild::spawn(ex, full_argv(config_, command));
        sys::RunResult r = co_await child.collect();
        co_return PodmanResult{r.exit_code, std::move(r.out), std::move(r.err)};
    }

    Task<int> stream(PodmanCommand command, LineSink out, LineSink err) override {
        auto ex = co_await asio::this_coro::executor;
        AsyncChild child = AsyncChild::spawn(ex, full_argv(config_, command));
        pid_t pid = child.pid();
        streams_.insert(pid);
        if (stopping_) child.signal(SIGTERM);
        int code = co_await child.stream(std::move(out), std::move(err));
        streams_.erase(pid);
        co_return code;
    }

    int foreground(PodmanCommand command) override {
        // The child shares the terminal; ucompose ignores Ctrl-C while it runs.
        struct sigaction ignore {}, old_int{}, old_quit{};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGINT, &ignore, &old_int);
        sigaction(SIGQUIT, &ignore, &old_quit);
        int code;
        try {
            sys::Child child = sys::spawn(full_argv(config_, command));
            code = sys::exit_code_of(child.wait());
        } catch (...) {
            sigaction(SIGINT, &old_int, nullptr);
            sigaction(SIGQUIT, &old_quit, nullptr);
            throw;
        }
        sigaction(SIGINT, &old_int, nullptr);
        sigaction(SIGQUIT, &old_quit, nullptr);
        return code;
    }

    void stop_streams() override {
        stopping_ = true;
        for (pid_t pid : streams_) ::kill(-pid, SIGTERM);
    }

    const PodmanConfig& config() const override { return config_; }

private:
    PodmanConfig config_;
    std::set<pid_t> streams_;
    bool stopping_ = false;
};

class DryRunPodmanClient : public PodmanClient {
public:
    explicit DryRunPodmanClient(PodmanConfig config) : config_(std::move(config)) {}
    Task<PodmanResult> run(PodmanCommand command) override {
        print(command);
        co_return PodmanResult{};
    }
    Task<int> stream(PodmanCommand command, LineSink, LineSink) override {
        print(command);
        co_return 0;
    }
    int foreground(PodmanCommand command) override {
        print(command);
        return 0;
    }
    bool dry_run() const override { return true; }
    const PodmanConfig& config() const override { return config_; }

private:
    void print(const PodmanCommand& command) { std::cout << display(config_, command) << std::endl; }
    PodmanConfig config_;
};

}  // namespace

std::unique_ptr<PodmanClient> make_real_podman_client(PodmanConfig config) {
    return std::make_unique<RealPodmanClient>(std::move(config));
}

std::unique_ptr<PodmanClient> make_dry_run_podman_client(PodmanConfig config) {
    return std::make_unique<DryRunPodmanClient>(std::move(config));
}

std::unique_ptr<PodmanClient> make_podman_client(PodmanConfig config, bool dry_run) {
    return dry_run ? make_dry_run_podman_client(std::move(config)) : make_real_podman_client(std::move(config));
}

}  // namespace ucompose
