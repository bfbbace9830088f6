// Time as the engine sees it: health-check intervals and the --wait timeout. The real clock
// sleeps on an Asio timer; unit tests inject a manual clock whose sleeps advance its time at once,
// so that a check every 30 s over 3 retries takes no real time.
#pragma once
#include <chrono>

#include "orchestrator/podman/asio.hpp"

namespace ucompose {

class EngineClock {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    virtual ~EngineClock() = default;
    virtual TimePoint now() = 0;
    // Suspends the calling coroutine for `d` (of this clock's time).
    virtual Task<void> sleep(std::chrono::nanoseconds d) = 0;
};

// std::chrono::steady_clock and asio::steady_timer.
EngineClock& real_clock();

// Starts at an arbitrary fixed point; sleep() adds to it and yields once to the loop.
class ManualClock : public EngineClock {
public:
    TimePoint now() override { return now_; }
    Task<void> sleep(std::chrono::nanoseconds d) override;
    std::chrono::nanoseconds elapsed() const { return now_ - TimePoint{}; }

private:
    TimePoint now_{};
};

}  // namespace ucompose
