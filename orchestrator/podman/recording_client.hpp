// A PodmanClient for unit tests: records every command, and answers from scripted replies
// (matched by the longest prefix of verb+args), else with exit 0 and no output.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "orchestrator/podman/client.hpp"

namespace ucompose {

class RecordingPodmanClient : public PodmanClient {
public:
    explicit RecordingPodmanClient(PodmanConfig config = {}) : config_(std::move(config)) {}

    // Commands whose verb+args start with `prefix` get `reply` (stream: its out/err lines).
    void reply(sys::Argv prefix, PodmanResult reply) { replies_.emplace_back(std::move(prefix), std::move(reply)); }

    Task<PodmanResult> run(PodmanCommand command) override { co_return answer(command); }
    Task<int> stream(PodmanCommand command, LineSink out, LineSink err) override;
    int foreground(PodmanCommand command) override { return answer(command).exit_code; }
    const PodmanConfig& config() const override { return config_; }

    // Every command so far, as "verb args..." joined with spaces (one string per command).
    std::vector<std::string> lines() const;
    const std::vector<PodmanCommand>& commands() const { return commands_; }

private:
    PodmanResult answer(const PodmanCommand& command);

    PodmanConfig config_;
    std::vector<std::pair<sys::Argv, PodmanResult>> replies_;
    std::vector<PodmanCommand> commands_;
};

}  // namespace ucompose
