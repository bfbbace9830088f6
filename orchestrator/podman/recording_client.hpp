// A PodmanClient for unit tests: records every command, and answers from scripted replies
// (matched by the longest prefix of verb+args), else with unscripted() (here: exit 0 and no
// output; a strict subclass fails the test). A prefix may have a sequence of replies: its Nth
// matching command gets the Nth reply, and the last one repeats (e.g. a health check that fails
// twice, then passes).
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
    void reply(sys::Argv prefix, PodmanResult reply) { replies_.push_back({std::move(prefix), {std::move(reply)}}); }
    // The same, one reply per matching command in turn; the last one repeats. Not empty.
    void reply_sequence(sys::Argv prefix, std::vector<PodmanResult> replies) {
        if (replies.empty()) replies.emplace_back();
        replies_.push_back({std::move(prefix), std::move(replies)});
    }

    Task<PodmanResult> run(PodmanCommand command) override { co_return answer(command); }
    Task<int> stream(PodmanCommand command, LineSink out, LineSink err) override;
    int foreground(PodmanCommand command) override { return answer(command).exit_code; }
    const PodmanConfig& config() const override { return config_; }

    // Every command so far, as "verb args..." joined with spaces (one string per command).
    std::vector<std::string> lines() const;
    const std::vector<PodmanCommand>& commands() const { return commands_; }
    // A command as lines() shows it.
    static std::string line(const PodmanCommand& command);

protected:
    // The answer to a command no script matches (already recorded): exit 0, no output.
    virtual PodmanResult unscripted(const PodmanCommand& command);

private:
    struct Script {
        sys::Argv prefix;
        std::vector<PodmanResult> replies;
        std::size_t used = 0;
    };
    PodmanResult answer(const PodmanCommand& command);

    PodmanConfig config_;
    std::vector<Script> replies_;
    std::vector<PodmanCommand> commands_;
};

}  // namespace ucompose
