// orchestrator/model/units.cpp: durations, byte sizes, command splitting.
#include <catch2/catch.hpp>

#include "orchestrator/model/units.hpp"

using namespace ucompose;
using namespace std::chrono;

TEST_CASE("durations parse and print like Go", "[units]") {
    struct Row {
        const char* in;
        nanoseconds value;
        const char* printed;
    };
    const Row rows[] = {
        {"10s", seconds(10), "10s"},      {"1m30s", seconds(90), "1m30s"},
        {"90s", seconds(90), "1m30s"},    {"500ms", milliseconds(500), "500ms"},
        {"1h", hours(1), "1h0m0s"},       {"1.5s", milliseconds(1500), "1.5s"},
        {"2us", microseconds(2), "2us"},  {"0", nanoseconds(0), "0s"},
        {"5", seconds(5), "5s"},          {"1h2m3s", seconds(3723), "1h2m3s"},
    };
    for (const Row& r : rows) {
        INFO(r.in);
        REQUIRE(parse_duration(r.in));
        CHECK(*parse_duration(r.in) == r.value);
        CHECK(format_duration(r.value) == r.printed);
    }
    for (const char* bad : {"", "s", "10x", "1..2s", "ten seconds", "5 s"}) {
        INFO(bad);
        CHECK_FALSE(parse_duration(bad));
    }
}

TEST_CASE("byte sizes", "[units]") {
    CHECK(*parse_bytes("1024") == 1024);
    CHECK(*parse_bytes("512k") == 512 * 1024);
    CHECK(*parse_bytes("512kb") == 512 * 1024);
    CHECK(*parse_bytes("1g") == 1024LL * 1024 * 1024);
    CHECK(*parse_bytes("1GiB") == 1024LL * 1024 * 1024);
    CHECK(*parse_bytes("1.5m") == 1572864);
    CHECK(*parse_bytes("64M") == 64LL * 1024 * 1024);
    CHECK_FALSE(parse_bytes("lots"));
    CHECK_FALSE(parse_bytes("5x"));
}

TEST_CASE("commands are split like a shell", "[units]") {
    using V = std::vector<std::string>;
    CHECK(*shell_split("nginx -g 'daemon off;'") == V{"nginx", "-g", "daemon off;"});
    CHECK(*shell_split("sh -c \"echo \\\"hi\\\" $HOME\"") == V{"sh", "-c", "echo \"hi\" $HOME"});
    CHECK(*shell_split("  a\\ b  c ") == V{"a b", "c"});
    CHECK(*shell_split("''") == V{""});
    CHECK(shell_split("")->empty());
    CHECK_FALSE(shell_split("echo 'open"));
}
