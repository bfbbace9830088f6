// --parallel N / COMPOSE_PARALLEL_LIMIT: the option's precedence and bad values, and
// LimitedPodmanClient under `up` with a client whose run() stays in flight for a while.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/podman/limited_client.hpp"
#include "orchestrator/podman/wait_group.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const char* kSix = R"(
services:
  s1: {image: "docker.io/library/busybox:latest"}
  s2: {image: "docker.io/library/busybox:latest"}
  s3: {image: "docker.io/library/busybox:latest"}
  s4: {image: "docker.io/library/busybox:latest"}
  s5: {image: "docker.io/library/busybox:latest"}
  s6: {image: "docker.io/library/busybox:latest"}
)";

using Opt = std::optional<std::string>;

// A session around kSix whose ScriptedClient keeps every run() in flight for 20 loop turns,
// behind a LimitedPodmanClient when limit > 0 (as open_session wires it).
struct Slow {
    ScriptedClient* client;
    Session session;
    explicit Slow(int limit) {
        auto c = std::make_unique<ScriptedClient>();
        client = c.get();
        client->yields = 20;
        Project p = load_yaml(kSix);
        script_fresh(*client, p);
        accept(*client, kUpCommands);
        session = make_session(std::move(p), limit_parallelism(std::move(c), limit));
    }
};

}  // namespace

TEST_CASE("parallel limit: --parallel wins over COMPOSE_PARALLEL_LIMIT; -1 and unset are unlimited",
          "[engine][parallel]") {
    CHECK(parallel_limit(Opt{}, Opt{}) == -1);
    CHECK(parallel_limit(Opt{"3"}, Opt{}) == 3);
    CHECK(parallel_limit(Opt{}, Opt{"4"}) == 4);
    CHECK(parallel_limit(Opt{"2"}, Opt{"5"}) == 2);
    CHECK(parallel_limit(Opt{"-1"}, Opt{"5"}) == -1);
    CHECK(parallel_limit(Opt{}, Opt{"-1"}) == -1);
    CHECK(parallel_limit(Opt{"2"}, Opt{"x"}) == 2);  // the environment is not read when the option is given
}

TEST_CASE("parallel limit: bad values are a one-line error naming their source", "[engine][parallel]") {
    struct Case {
        Opt option, env;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"0", {}, "--parallel must be a positive number, or -1 for unlimited (got \"0\")"},
        {"-2", {}, "--parallel must be a positive number, or -1 for unlimited (got \"-2\")"},
        {"x", {}, "--parallel must be a positive number, or -1 for unlimited (got \"x\")"},
        {"", {}, "--parallel must be a positive number, or -1 for unlimited (got \"\")"},
        {"1.5", {}, "--parallel must be a positive number, or -1 for unlimited (got \"1.5\")"},
        {"99999999999", {}, "--parallel must be a positive number, or -1 for unlimited (got \"99999999999\")"},
        {{}, "0", "COMPOSE_PARALLEL_LIMIT must be a positive number, or -1 for unlimited (got \"0\")"},
        {{}, "-2", "COMPOSE_PARALLEL_LIMIT must be a positive number, or -1 for unlimited (got \"-2\")"},
        {{}, "x", "COMPOSE_PARALLEL_LIMIT must be a positive number, or -1 for unlimited (got \"x\")"},
    };
    for (const auto& c : cases) {
        INFO(c.message);
        try {
            parallel_limit(c.option, c.env);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == c.message);
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
}

TEST_CASE("parallel: up of 6 independent services with --parallel 2 never has more than 2 in flight",
          "[engine][parallel]") {
    Slow s(2);
    UpOptions o;
    o.detach = true;
    Outcome r = run_main([&] { return up(s.session, o); });
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(s.client->total_peak == 2);
    CHECK(s.client->peak["create"] == 2);
    auto a = actions(*s.client);
    CHECK(count_of(a, "create p_s") == 6);
    CHECK(count_of(a, "start p_s") == 6);
    auto* limited = dynamic_cast<LimitedPodmanClient*>(s.session.client.get());
    REQUIRE(limited);
    CHECK(limited->in_flight() == 0);
    CHECK(limited->queued() == 0);
}

TEST_CASE("parallel: by default all 6 creates are in flight at once", "[engine][parallel]") {
    Slow s(-1);
    CHECK(s.session.client.get() == s.client);  // no decorator when unlimited
    UpOptions o;
    o.detach = true;
    Outcome r = run_main([&] { return up(s.session, o); });
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(s.client->peak["create"] == 6);
    CHECK(s.client->peak["start"] == 6);
}

TEST_CASE("parallel: --parallel 1 runs the podman commands one by one, in the order issued", "[engine][parallel]") {
    Slow s(1);
    UpOptions o;
    o.detach = true;
    Outcome r = run_main([&] { return up(s.session, o); });
    CHECK(r.code == 0);
    CHECK(s.client->total_peak == 1);
}

TEST_CASE("limited client: FIFO slots, streams and foreground not counted",
          "[engine][parallel]") {
    auto inner = std::make_unique<ScriptedClient>();
    ScriptedClient* c = inner.get();
    c->yields = 5;
    accept(*c, {{"inspect"}, {"logs"}, {"exec"}});
    LimitedPodmanClient limited(std::move(inner), 2);
    asio::io_context io;
    std::vector<std::string> done;
    auto task = [&]() -> Task<int> {
        auto ex = co_await asio::this_coro::executor;
        WaitGroup group(ex);
        std::exception_ptr err;
        for (int i = 0; i < 5; ++i) {
            group.add();
            spawn_fn(ex, [&, i]() -> Task<void> {
                co_await limited.run(cmd("inspect", std::to_string(i)));
                done.push_back(std::to_string(i));
                group.done();
            }, &err);
        }
        // A stream is not held back by the full slots.
        co_await asio::post(ex, asio::use_awaitable);
        CHECK(limited.in_flight() == 2);
        CHECK(limited.queued() == 3);
        int code = co_await limited.stream(cmd("logs", "-f", "x"), nullptr, nullptr);
        CHECK(code == 0);
        CHECK(limited.foreground(cmd("exec", "x", "true")) == 0);
        co_await group.wait();
        if (err) std::rethrow_exception(err);
        co_return 0;
    };
    run_task(io, task());
    CHECK(c->peak["inspect"] == 2);
    CHECK(done == std::vector<std::string>{"0", "1", "2", "3", "4"});
    CHECK(limited.in_flight() == 0);
    CHECK(c->lines()[0] == "inspect 0");
    CHECK(c->lines()[2] == "logs -f x");  // issued while inspect 2..4 waited
}

TEST_CASE("limited client: a queued run() whose loop goes away leaves no slot behind", "[engine][parallel]") {
    auto inner = std::make_unique<ScriptedClient>();
    inner->yields = 1000000;  // never finishes within the loop's life
    accept(*inner, {{"inspect"}});
    LimitedPodmanClient limited(std::move(inner), 1);
    {
        asio::io_context io;
        for (int i = 0; i < 3; ++i) asio::co_spawn(io, limited.run(cmd("inspect", std::to_string(i))), asio::detached);
        io.run_for(std::chrono::milliseconds(5));
        CHECK(limited.in_flight() == 1);
        CHECK(limited.queued() == 2);
    }
    CHECK(limited.queued() == 0);
    CHECK(limited.in_flight() == 0);
}
