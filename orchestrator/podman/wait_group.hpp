// Coroutine synchronisation on one Asio thread: a Notifier wakes every coroutine waiting on it
// (each re-checks its own condition), and a WaitGroup waits for a count to reach zero.
#pragma once
#include <cstddef>

#include "orchestrator/podman/asio.hpp"

namespace ucompose {

class Notifier {
public:
    explicit Notifier(const asio::any_io_executor& ex)
        : timer_(ex, asio::steady_timer::time_point::max()) {}
    // Returns on the next notify() (use as: while (!condition()) co_await n.wait();).
    Task<void> wait() {
        boost::system::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    void notify() { timer_.cancel(); }

private:
    asio::steady_timer timer_;
};

class WaitGroup {
public:
    explicit WaitGroup(const asio::any_io_executor& ex) : notifier_(ex) {}
    void add(std::size_t n = 1) { count_ += n; }
    void done() {
        if (count_ > 0 && --count_ == 0) notifier_.notify();
    }
    Task<void> wait() {
        while (count_ > 0) co_await notifier_.wait();
    }
    std::size_t pending() const { return count_; }

private:
    Notifier notifier_;
    std::size_t count_ = 0;
};

}  // namespace ucompose
