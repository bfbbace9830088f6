// The engine tests' ScriptedClient is strict: a podman command no reply was scripted for fails
// the test, naming its full command line, and is answered with a failure.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"
#include "orchestrator/engine/loop.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

// A ScriptedClient that notes the unscripted commands instead of failing the test.
class Noting : public ScriptedClient {
public:
    std::vector<std::string> reported;

protected:
    void report_unscripted(const std::string& line) override { reported.push_back(line); }
};

// Issues `ps -a` (scripted) and then `rm -f p_a_1` (not scripted) on `client`.
std::pair<PodmanResult, PodmanResult> two_commands(ScriptedClient& client) {
    client.reply({"ps"}, ok("[]"));
    asio::io_context io;
    std::pair<PodmanResult, PodmanResult> r;
    auto task = [&]() -> Task<int> {
        r.first = co_await client.run(cmd("ps", "-a"));
        r.second = co_await client.run(cmd("rm", "-f", "p_a_1"));
        co_return 0;
    };
    run_task(io, task());
    return r;
}

}  // namespace

TEST_CASE("scripted client: an unscripted command fails the test", "[engine][harness][!shouldfail]") {
    ScriptedClient client;
    two_commands(client);  // the FAIL_CHECK for `rm -f p_a_1` is this test's expected failure
}

TEST_CASE("scripted client: an unscripted command is reported with its full line and answered exit 125",
          "[engine][harness]") {
    Noting client;
    auto [scripted, other] = two_commands(client);
    CHECK(scripted.ok());
    CHECK(scripted.out == "[]");
    CHECK(other.exit_code == 125);
    CHECK(other.message() == "unscripted podman command: podman rm -f p_a_1");
    CHECK(client.reported == std::vector<std::string>{"podman rm -f p_a_1"});
    CHECK(client.unscripted_lines == client.reported);
    CHECK(client.lines() == std::vector<std::string>{"ps -a", "rm -f p_a_1"});
}

TEST_CASE("scripted client: accept() scripts exit 0 for the prefixes a test opts into", "[engine][harness]") {
    ScriptedClient client;
    accept(client, {{"rm"}, {"network", "rm"}});
    client.reply({"rm", "-f", "bad"}, failed(125, "Error: no such container bad\n"));
    asio::io_context io;
    std::vector<int> codes;
    auto task = [&]() -> Task<int> {
        for (auto c : {cmd("rm", "-f", "p_a_1"), cmd("network rm", "p_default"), cmd("rm", "-f", "bad")})
            codes.push_back((co_await client.run(c)).exit_code);
        co_return 0;
    };
    run_task(io, task());
    CHECK(codes == std::vector<int>{0, 0, 125});
    CHECK(client.unscripted_lines.empty());
}
