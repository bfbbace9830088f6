#include "orchestrator/podman/limited_client.hpp"

#include <algorithm>
#include <cstdlib>

#include "orchestrator/model/error.hpp"

namespace ucompose {
namespace {

int parse_limit(const std::string& text, const std::string& where) {
    auto bad = [&]() {
        return Error(where + " must be a positive number, or -1 for unlimited (got \"" + text + "\")");
    };
    std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    if (i == text.size() || text.size() - i > 9 || text.find_first_not_of("0123456789", i) != std::string::npos)
        throw bad();
    int n = std::stoi(text);
    if (n == 0 || n < -1) throw bad();
    return n;
}

}  // namespace

int parallel_limit(const std::optional<std::string>& option, const std::optional<std::string>& environment) {
    if (option) return parse_limit(*option, "--parallel");
    if (environment) return parse_limit(*environment, "COMPOSE_PARALLEL_LIMIT");
    return -1;
}

std::optional<std::string> environment_value(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

// A run() waiting for a slot: woken by cancelling its timer once release() hands it the slot.
struct LimitedPodmanClient::Waiter {
    asio::steady_timer* timer;
    bool granted = false;  // the slot is ours (in_flight_ already counts it)
    bool taken = false;    // acquire() returned: the Slot in run() owns it now
};

// Releases the slot at the end of run(), also on an exception or when the loop is torn down.
struct LimitedPodmanClient::Slot {
    LimitedPodmanClient& client;
    ~Slot() { client.release(); }
};

LimitedPodmanClient::LimitedPodmanClient(std::unique_ptr<PodmanClient> inner, int limit)
    : inner_(std::move(inner)), limit_(std::max(limit, 1)) {}

Task<void> LimitedPodmanClient::acquire() {
    if (in_flight_ < limit_ && waiters_.empty()) {
        ++in_flight_;
        co_return;
    }
    asio::steady_timer timer(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
    Waiter w{&timer};
    waiters_.push_back(&w);
    // If this coroutine is destroyed while queued (its io_context goes away), leave the queue;
    // if it was handed a slot it never used, pass the slot on.
    struct Leave {
        LimitedPodmanClient& c;
        Waiter& w;
        ~Leave() {
            if (!w.granted) {
                c.waiters_.erase(std::remove(c.waiters_.begin(), c.waiters_.end(), &w), c.waiters_.end());
            } else if (!w.taken) {
                c.release();
            }
        }
    } leave{*this, w};
    while (!w.granted) {
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    w.taken = true;
}

void LimitedPodmanClient::release() {
    if (!waiters_.empty()) {
        // The slot passes straight to the oldest waiter: in_flight_ stays the same.
        Waiter* next = waiters_.front();
        waiters_.pop_front();
        next->granted = true;
        next->timer->cancel();
        return;
    }
    if (in_flight_ > 0) --in_flight_;
}

Task<PodmanResult> LimitedPodmanClient::run(PodmanCommand command) {
    co_await acquire();
    Slot slot{*this};
    co_return co_await inner_->run(std::move(command));
}

std::unique_ptr<PodmanClient> limit_parallelism(std::unique_ptr<PodmanClient> client, int limit) {
    if (limit <= 0) return client;
    return std::make_unique<LimitedPodmanClient>(std::move(client), limit);
}

}  // namespace ucompose
