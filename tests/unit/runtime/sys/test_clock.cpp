// RFC 3339 time (runtime/sys/clock.cpp).
#include <catch2/catch.hpp>

#include "runtime/sys/clock.hpp"

TEST_CASE("rfc3339: UTC with nanoseconds") {
    CHECK(sys::rfc3339({0, 0}) == "1970-01-01T00:00:00.000000000Z");
    // date -u -d @1700000000 +%Y-%m-%dT%H:%M:%S -> 2023-11-14T22:13:20
    CHECK(sys::rfc3339({1700000000, 123456789}) == "2023-11-14T22:13:20.123456789Z");
    CHECK(sys::rfc3339({1700000000, 5}) == "2023-11-14T22:13:20.000000005Z");
}

TEST_CASE("now_rfc3339: the shape of a current time") {
    std::string t = sys::now_rfc3339();
    REQUIRE(t.size() == 30);
    CHECK(t[4] == '-');
    CHECK(t[10] == 'T');
    CHECK(t[19] == '.');
    CHECK(t.back() == 'Z');
}
