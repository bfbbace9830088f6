#include <catch2/catch.hpp>

#include "orchestrator/engine/loop.hpp"
#include "orchestrator/podman/recording_client.hpp"

using namespace ucompose;

TEST_CASE("recording client records commands and answers by longest prefix") {
    RecordingPodmanClient c;
    c.reply({"ps"}, PodmanResult{0, "[]", ""});
    c.reply({"ps", "-a"}, PodmanResult{0, "all", ""});
    c.reply({"start"}, PodmanResult{125, "", "Error: no such container x\n"});
    asio::io_context io;
    auto task = [&]() -> Task<int> {
        PodmanResult a = co_await c.run(cmd("ps", "-a"));
        PodmanResult b = co_await c.run(cmd("ps"));
        PodmanResult d = co_await c.run(cmd("start", "x"));
        CHECK(a.out == "all");
        CHECK(b.out == "[]");
        CHECK(d.exit_code == 125);
        CHECK(d.message() == "no such container x");
        co_return 0;
    };
    run_task(io, task());
    CHECK(c.lines() == std::vector<std::string>{"ps -a", "ps", "start x"});
}
