#include "orchestrator/engine/clock.hpp"

namespace ucompose {
namespace {

class RealClock : public EngineClock {
public:
    TimePoint now() override { return std::chrono::steady_clock::now(); }
    Task<void> sleep(std::chrono::nanoseconds d) override {
        asio::steady_timer timer(co_await asio::this_coro::executor);
        timer.expires_after(d);
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
};

}  // namespace

EngineClock& real_clock() {
    static RealClock clock;
    return clock;
}

Task<void> ManualClock::sleep(std::chrono::nanoseconds d) {
    now_ += d;
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

}  // namespace ucompose
