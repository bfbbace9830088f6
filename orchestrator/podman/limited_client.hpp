// docker compose's --parallel N (and COMPOSE_PARALLEL_LIMIT) as a PodmanClient decorator: at
// most N run() commands (create, start, pull, inspect, ...) are in flight at once on the Asio
// loop; the others queue in FIFO order and start as soon as one ends.
// stream() (`logs -f`, `wait`) and foreground() (`run`, `exec`) are NOT limited: they last as long
// as the containers do, so counting them would starve (or deadlock) the short commands.
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "orchestrator/podman/client.hpp"

namespace ucompose {

// The limit from --parallel (when given) else COMPOSE_PARALLEL_LIMIT (when set): a positive
// number, or -1 for unlimited (docker compose's default). Anything else (0, -2, "x", "") throws
// ucompose::Error with a one-line message naming where the value came from.
int parallel_limit(const std::optional<std::string>& option, const std::optional<std::string>& environment);
// getenv(name), or nullopt when unset.
std::optional<std::string> environment_value(const char* name);

class LimitedPodmanClient : public PodmanClient {
public:
    // limit > 0.
    LimitedPodmanClient(std::unique_ptr<PodmanClient> inner, int limit);

    Task<PodmanResult> run(PodmanCommand command) override;
    Task<int> stream(PodmanCommand command, LineSink out, LineSink err) override {
        return inner_->stream(std::move(command), std::move(out), std::move(err));
    }
    int foreground(PodmanCommand command) override { return inner_->foreground(std::move(command)); }
    void stop_streams() override { inner_->stop_streams(); }
    bool dry_run() const override { return inner_->dry_run(); }
    const PodmanConfig& config() const override { return inner_->config(); }

    int limit() const { return limit_; }
    int in_flight() const { return in_flight_; }
    std::size_t queued() const { return waiters_.size(); }

private:
    struct Waiter;
    struct Slot;
    Task<void> acquire();
    void release();

    std::unique_ptr<PodmanClient> inner_;
    int limit_;
    int in_flight_ = 0;
    std::deque<Waiter*> waiters_;
};

// `client` itself when limit <= 0 (unlimited), else `client` behind a LimitedPodmanClient.
std::unique_ptr<PodmanClient> limit_parallelism(std::unique_ptr<PodmanClient> client, int limit);

}  // namespace ucompose
