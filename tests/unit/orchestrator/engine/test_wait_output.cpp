#include <catch2/catch.hpp>

#include "orchestrator/engine/exit_policy.hpp"

using namespace ucompose;

TEST_CASE("podman wait output: a code, or nothing known (never 0 by accident)", "[engine][wait]") {
    CHECK(parse_wait_output("42\n") == std::optional<int>(42));
    CHECK(parse_wait_output("0") == std::optional<int>(0));
    CHECK(parse_wait_output("  137 \r\n") == std::optional<int>(137));
    CHECK(parse_wait_output("-1\n") == std::optional<int>(-1));
    CHECK_FALSE(parse_wait_output("").has_value());
    CHECK_FALSE(parse_wait_output("\n").has_value());
    CHECK_FALSE(parse_wait_output("Error: no such container x\n").has_value());
    CHECK_FALSE(parse_wait_output("12abc").has_value());
    CHECK_FALSE(parse_wait_output("-").has_value());
    CHECK_FALSE(parse_wait_output("99999999999999").has_value());
    CHECK(wait_exit_code("3\n") == 3);
    CHECK(wait_exit_code("") == 1);
    CHECK(wait_exit_code("garbage") == 1);
}
